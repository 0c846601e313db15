namespace Keras.Datasets;

/// <summary>Thrown when a dataset has no valid local copy and could not be downloaded.</summary>
/// <remarks>The message lists every location that was looked in (and why each was rejected), the URL that was tried
/// and what to do: for example install the Debian package <c>dataset-fashion-mnist</c> or place the files in the
/// Keras cache directory. <see cref="SearchedLocations"/> and <see cref="Origin"/> hold the same facts for
/// programs.</remarks>
/// <example><code>
/// try
/// {
///     var (train, test) = FashionMnist.LoadData();
/// }
/// catch (DatasetNotAvailableException e)
/// {
///     Console.Error.WriteLine(e.Message);
///     var (train, test) = Digits.LoadData(); // embedded, always available
/// }
/// </code></example>
public sealed class DatasetNotAvailableException : Exception
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public DatasetNotAvailableException()
        : this("The dataset is not available locally and could not be downloaded.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public DatasetNotAvailableException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Initializes a new instance with a message and the error that caused it.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The error that caused this one, such as the failed HTTP request.</param>
    public DatasetNotAvailableException(string message, Exception? innerException)
        : this(message, [], origin: null, innerException)
    {
    }

    internal DatasetNotAvailableException(
        string message, IReadOnlyList<string> searchedLocations, string? origin, Exception? innerException)
        : base(message, innerException)
    {
        SearchedLocations = searchedLocations;
        Origin = origin;
    }

    /// <summary>Gets the local paths that were looked in, in search order.</summary>
    /// <remarks>Defaults to an empty list when the exception was created without them.</remarks>
    public IReadOnlyList<string> SearchedLocations { get; }

    /// <summary>Gets the URL that the download was tried from.</summary>
    /// <remarks>Defaults to <see langword="null"/> when no download was tried.</remarks>
    public string? Origin { get; }
}
