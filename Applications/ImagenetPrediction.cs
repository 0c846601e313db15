namespace Keras.Applications;

/// <summary>One of the top guesses that <see cref="ImagenetUtils.DecodePredictions(Tensor, int)"/> returns: Keras'
/// <c>(class_name, class_description, score)</c> tuple.</summary>
/// <param name="ClassName">The WordNet id of the class, such as <c>n02123045</c>.</param>
/// <param name="Description">The class's readable name, such as <c>tabby</c>.</param>
/// <param name="Score">The model's score for the class.</param>
/// <example><code>
/// foreach (ImagenetPrediction p in ResNet50.DecodePredictions(predictions, top: 3)[0])
/// {
///     Console.WriteLine($"{p.Description}: {p.Score:P1}");
/// }
/// </code></example>
public readonly record struct ImagenetPrediction(string ClassName, string Description, float Score);
