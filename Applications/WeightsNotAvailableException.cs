namespace Keras.Applications;

/// <summary>Thrown when <c>weights: "imagenet"</c> finds no valid copy of Keras' weight file in the Keras cache and
/// cannot download it.</summary>
/// <remarks>The message lists the places looked in (and why each copy was rejected), the URL tried, and where to place
/// the file: Keras' own file, under Keras' own name, in <c>$KERAS_HOME/models</c> (default <c>~/.keras/models</c>),
/// exactly where Keras looks for it. <see cref="CachePath"/> and <see cref="Origin"/> hold the same facts for
/// programs.</remarks>
/// <example><code>
/// try
/// {
///     Functional model = ResNet50.Build();
/// }
/// catch (WeightsNotAvailableException e)
/// {
///     Console.Error.WriteLine($"Download {e.Origin} to {e.CachePath}, then run again.");
/// }
/// </code></example>
public sealed class WeightsNotAvailableException : IOException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public WeightsNotAvailableException()
        : this("The pretrained weights file is not in the Keras cache and could not be downloaded.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public WeightsNotAvailableException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The error that caused this one, such as the failed HTTP request.</param>
    public WeightsNotAvailableException(string message, Exception? innerException)
        : this(message, cachePath: null, origin: null, innerException)
    {
    }

    internal WeightsNotAvailableException(string message, string? cachePath, string? origin, Exception? innerException)
        : base(message, innerException)
    {
        CachePath = cachePath;
        Origin = origin;
    }

    /// <summary>Gets where the file was expected (the primary Keras cache).</summary>
    /// <remarks>Defaults to <see langword="null"/> when the exception was created without it.</remarks>
    public string? CachePath { get; }

    /// <summary>Gets the URL that the download was tried from.</summary>
    /// <remarks>Defaults to <see langword="null"/> when the exception was created without it.</remarks>
    public string? Origin { get; }
}
