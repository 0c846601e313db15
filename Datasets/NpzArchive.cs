using System.IO.Compression;

namespace Keras.Datasets;

/// <summary>Reads arrays from a numpy <c>.npz</c> file (a zip of <c>&lt;key&gt;.npy</c> members), like Keras'
/// <c>load_npz</c>: object arrays only through the restricted unpickler.</summary>
internal sealed class NpzArchive : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly string _path;

    private NpzArchive(ZipArchive zip, string path)
    {
        _zip = zip;
        _path = path;
    }

    /// <summary>Opens an archive.</summary>
    /// <param name="path">The <c>.npz</c> file.</param>
    /// <returns>The open archive.</returns>
    /// <exception cref="InvalidDataException">The file is not a zip archive.</exception>
    internal static NpzArchive Open(string path)
    {
        try
        {
            return new NpzArchive(ZipFile.OpenRead(path), path);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException(
                $"{path} is not a valid .npz file: it is not a zip archive ({e.Message}).", e);
        }
    }

    /// <summary>Reads the uint8 array stored under <paramref name="key"/>.</summary>
    /// <param name="key">The array's name, such as <c>x_train</c>.</param>
    /// <returns>The shape and the values in C order.</returns>
    /// <exception cref="InvalidDataException">The member is missing or not a uint8 array.</exception>
    internal (int[] Shape, byte[] Data) ReadUInt8(string key)
    {
        NpyArray array = Read(key, allowObjects: false);
        return (array.Shape, array.UInt8s($"{Path.GetFileName(_path)}/{key}.npy"));
    }

    /// <summary>Reads the array stored under <paramref name="key"/>, of any supported dtype.</summary>
    /// <param name="key">The array's name, such as <c>x_train</c>.</param>
    /// <param name="allowObjects">Whether an object array is read through the restricted unpickler.</param>
    /// <returns>The array.</returns>
    /// <exception cref="InvalidDataException">The member is missing, malformed or its pickle is refused.</exception>
    internal NpyArray Read(string key, bool allowObjects = true)
    {
        ZipArchiveEntry entry = _zip.GetEntry($"{key}.npy")
            ?? throw new InvalidDataException(
                $"{_path} has no array '{key}'. It holds: " +
                $"{string.Join(", ", _zip.Entries.Select(e => Path.GetFileNameWithoutExtension(e.FullName)))}.");
        try
        {
            using Stream stream = entry.Open();
            return NpyReader.Read(stream, $"{Path.GetFileName(_path)}/{entry.FullName}", entry.Length, allowObjects);
        }
        catch (InvalidDataException e) when (!e.Message.Contains(_path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{e.Message} File: {_path}", e);
        }
    }

    /// <summary>Closes the archive.</summary>
    public void Dispose() => _zip.Dispose();
}
