using PureHDF;
using PureHDF.VOL.Native;

namespace Keras.Saving.Hdf5;

/// <summary>Opening and writing HDF5 files with PureHDF, with its errors (plain <see cref="Exception"/>s) turned into
/// <see cref="KerasFileException"/>s that name the file.</summary>
internal static class Hdf5Files
{
    // Keras (h5py) writes contiguous datasets; PureHDF would make small ones compact.
    private static readonly H5WriteOptions WriteOptions = new(PreferCompactDatasetLayout: false);

    /// <summary>Opens an HDF5 file for reading.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="KerasFileException">The file is not a readable HDF5 file.</exception>
    internal static NativeFile OpenRead(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No such file: \"{path}\".", path);
        }
        return Guard(path, "open the file as HDF5", () => H5File.OpenRead(path));
    }

    /// <summary>Opens an HDF5 image held in a seekable stream (e.g. a zip entry copied to memory).</summary>
    /// <param name="stream">The stream; it stays open after the file is disposed.</param>
    /// <param name="name">How to name the content in messages (the archive entry), or null.</param>
    /// <exception cref="KerasFileException">The content is not readable HDF5.</exception>
    internal static NativeFile Open(Stream stream, string? name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Guard(name, "open the content as HDF5", () => H5File.Open(stream, leaveOpen: true));
    }

    /// <summary>Writes a file built in memory to <paramref name="stream"/> the way Keras' files are laid out
    /// (contiguous datasets); the stream is left positioned at its end.</summary>
    internal static void Write(H5File file, Stream stream)
    {
        file.Write(stream, WriteOptions);
        // PureHDF leaves the position just after the superblock.
        stream.Seek(0, SeekOrigin.End);
    }

    /// <summary>Runs a read against PureHDF and reports its failures as <see cref="KerasFileException"/>.</summary>
    /// <param name="file">The file, for the message.</param>
    /// <param name="what">What was being read, completing "Cannot …" (<c>read layer "dense" weight 0</c>).</param>
    /// <param name="read">The read.</param>
    internal static T Guard<T>(string? file, string what, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            throw new KerasFileException(
                $"Cannot {what} from {KerasFileException.Describe(file)}: {e.Message}", file, e);
        }
    }

    /// <summary>Errors that come from a file's content rather than from the caller: PureHDF throws plain
    /// <see cref="Exception"/>s, and truncated files surface as end-of-stream or index errors.</summary>
    /// <remarks>An <see cref="OutOfMemoryException"/> counts too: a damaged length field makes PureHDF ask for an
    /// impossible array (<c>Array dimensions exceeded supported range</c>) before any memory is used.</remarks>
    private static bool IsReadFailure(Exception e) => e is not (KerasFileException or FileNotFoundException
        or OperationCanceledException or UnauthorizedAccessException);
}
