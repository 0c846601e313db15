namespace Keras.Data;

/// <summary>One batch of a <see cref="TextDataset"/>: the texts and, unless the dataset has no labels, their labels
/// (<c>int[]</c> for <c>label_mode="int"</c>, <c>float[n, 1]</c> for <c>"binary"</c>, <c>float[n, classes]</c> for
/// <c>"categorical"</c>).</summary>
/// <param name="Texts">The file contents.</param>
/// <param name="Labels">The labels, or null.</param>
/// <example><code>
/// foreach (var (texts, labels) in reviews) { Console.WriteLine(texts[0]); break; }
/// </code></example>
public sealed record TextBatch(IReadOnlyList<string> Texts, Array? Labels);
