namespace Keras.Saving;

/// <summary>A model or weights file could not be loaded because of its content: a corrupt or truncated HDF5 or zip
/// container, missing groups or attributes, values of the wrong type, weights that do not fit the model's
/// architecture, or classes that are not registered.</summary>
/// <remarks>It derives from <see cref="IOException"/> (<see cref="InvalidDataException"/> is sealed). The message names the file and, where it applies, the layer and weight, with what was expected and what
/// was found, as Keras' loaders do. The lower-level error (from the HDF5 reader, the JSON parser or the
/// <see cref="SerializationRegistry"/>) is kept as <see cref="Exception.InnerException"/>. A file that does not exist
/// is reported as <see cref="FileNotFoundException"/> instead.</remarks>
/// <example><code>
/// try
/// {
///     model.LoadWeights("m.h5");
/// }
/// catch (KerasFileException e)
/// {
///     Console.Error.WriteLine($"{e.FilePath}: {e.Message}");
/// }
/// </code></example>
public sealed class KerasFileException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the file, layer and weight.</param>
    /// <param name="filePath">The file, when known.</param>
    /// <param name="innerException">The lower-level error, if any.</param>
    public KerasFileException(string message, string? filePath = null, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
    }

    /// <summary>The file whose content could not be loaded, when known.</summary>
    public string? FilePath { get; }

    /// <summary>The display form of a file path in messages (quoted, or "the stream").</summary>
    internal static string Describe(string? filePath) => filePath is null ? "the stream" : $"\"{filePath}\"";
}
