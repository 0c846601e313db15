using Keras.Layers;

namespace Keras.Applications;

/// <summary>The argument checks and the input, pooling and model steps every Keras application shares, with Keras'
/// messages.</summary>
internal static class ApplicationArguments
{
    /// <summary>The <c>weights</c> value that selects Keras' published ImageNet weights.</summary>
    internal const string ImageNet = "imagenet";

    /// <summary>Where warnings go (Keras' <c>warnings.warn</c>): the error output.</summary>
    internal static Action<string> Warn { get; } = message => Console.Error.WriteLine($"UserWarning: {message}");

    /// <summary>Checks <c>weights</c>, <c>classes</c> and <c>pooling</c> as every application does first.</summary>
    /// <param name="weights">Null, <c>"imagenet"</c> or the path of an existing weights file.</param>
    /// <param name="includeTop">Whether the classifier is included.</param>
    /// <param name="classes">The number of classes.</param>
    /// <param name="pooling">Null, <c>"avg"</c> or <c>"max"</c>.</param>
    /// <exception cref="ArgumentException">One of them is not valid.</exception>
    internal static void Validate(string? weights, bool includeTop, int classes, string? pooling)
    {
        if (!(weights is null or ImageNet || File.Exists(weights)))
        {
            throw new ArgumentException(
                "The `weights` argument should be either `None` (random initialization), 'imagenet' " +
                "(pre-training on ImageNet), or the path to the weights file to be loaded.  Received: " +
                $"weights={weights}", nameof(weights));
        }
        if (weights == ImageNet && includeTop && classes != 1000)
        {
            throw new ArgumentException(
                "If using `weights='imagenet'` with `include_top=True`, `classes` should be 1000.  " +
                $"Received classes={classes}", nameof(classes));
        }
        if (includeTop && classes <= 0)
        {
            throw new ArgumentException(
                $"`classes` must be a positive number of classes. Received classes={classes}", nameof(classes));
        }
        if (pooling is not (null or "avg" or "max"))
        {
            throw new ArgumentException(
                $"`pooling` should be `None`, \"avg\" or \"max\". Received: pooling={pooling}", nameof(pooling));
        }
    }

    /// <summary>Keras' <c>validate_activation</c>: pretrained weights only fit a softmax or linear classifier.</summary>
    /// <param name="classifierActivation">The classifier's activation name.</param>
    /// <param name="weights">The <c>weights</c> argument.</param>
    /// <returns>The activation function.</returns>
    /// <exception cref="ArgumentException">Pretrained weights with another activation.</exception>
    internal static ActivationFunction ClassifierActivation(string? classifierActivation, string? weights)
    {
        ActivationFunction activation = Activations.Get(classifierActivation);
        if (weights is not null && activation != Activations.Softmax && activation != Activations.Linear)
        {
            throw new ArgumentException(
                "Only `None` and `softmax` activations are allowed for the `classifier_activation` argument when " +
                "using pretrained weights, with `include_top=True`; Received: " +
                $"classifier_activation={PythonText.Str(classifierActivation)}", nameof(classifierActivation));
        }
        return activation;
    }

    /// <summary>The image input: <paramref name="inputTensor"/> when given, else a new <see cref="Input"/>.</summary>
    /// <param name="inputTensor">The user's Keras tensor, or <see langword="null"/>.</param>
    /// <param name="inputShape">The shape from <see cref="InputShapes.Obtain"/>.</param>
    /// <returns>The tensor the first layer is called on.</returns>
    internal static KerasTensor ImageInput(KerasTensor? inputTensor, int?[] inputShape) =>
        inputTensor ?? new Input(new Shape(inputShape));

    /// <summary>The optional global pooling of a headless model (Keras' <c>pooling</c> argument).</summary>
    /// <param name="x">The last feature map.</param>
    /// <param name="pooling">Null, <c>"avg"</c> or <c>"max"</c>.</param>
    /// <param name="avgName">The average-pooling layer's name; null for Keras' automatic name.</param>
    /// <param name="maxName">The max-pooling layer's name; null for Keras' automatic name.</param>
    /// <returns>The pooled tensor, or <paramref name="x"/>.</returns>
    internal static KerasTensor Pool(KerasTensor x, string? pooling, string? avgName = null, string? maxName = null) =>
        pooling switch
        {
            "avg" => new GlobalAveragePooling2D(name: avgName).Call(x),
            "max" => new GlobalMaxPooling2D(name: maxName).Call(x),
            _ => x,
        };

    /// <summary>Creates the functional model from the graph's source inputs (Keras'
    /// <c>operation_utils.get_source_inputs</c> when an <c>input_tensor</c> was given).</summary>
    /// <param name="inputTensor">The user's Keras tensor, or <see langword="null"/>.</param>
    /// <param name="imageInput">The tensor returned by <see cref="ImageInput"/>.</param>
    /// <param name="output">The model's output.</param>
    /// <param name="name">The model's name.</param>
    /// <returns>The model.</returns>
    internal static Functional CreateModel(KerasTensor? inputTensor, KerasTensor imageInput, KerasTensor output,
        string name)
    {
        IReadOnlyList<KerasTensor> sources = inputTensor is null ? [imageInput] : SourceInputs(inputTensor);
        return sources.Count == 1 ? new Functional(sources[0], output, name) : new Functional(sources, output, name);
    }

    /// <summary>The input tensors that <paramref name="tensor"/> was computed from, in first-seen order.</summary>
    /// <param name="tensor">A Keras tensor.</param>
    /// <returns>The outputs of the input layers it depends on.</returns>
    internal static IReadOnlyList<KerasTensor> SourceInputs(KerasTensor tensor)
    {
        var sources = new List<KerasTensor>();
        var seen = new HashSet<Node>();
        var pending = new Stack<KerasTensor>([tensor]);
        while (pending.TryPop(out KerasTensor? current))
        {
            Node node = current.Node;
            if (!seen.Add(node))
            {
                continue;
            }
            if (node.IsInput)
            {
                sources.Add(node.Outputs[0]);
                continue;
            }
            for (int i = node.Inputs.Count - 1; i >= 0; i--)
            {
                pending.Push(node.Inputs[i]);
            }
        }
        return sources;
    }
}
