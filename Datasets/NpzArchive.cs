using System.IO.Compression;

namespace Keras.Datasets;

/// <summary>Reads uint8 arrays from a numpy <c>.npz</c> file (a zip of <c>&lt;key&gt;.npy</c> members).</summary>
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
        ZipArchiveEntry entry = _zip.GetEntry($"{key}.npy")
            ?? throw new InvalidDataException(
                $"{_path} has no array '{key}'. It holds: " +
                $"{string.Join(", ", _zip.Entries.Select(e => Path.GetFileNameWithoutExtension(e.FullName)))}.");
        try
        {
            using Stream stream = entry.Open();
            return NpyReader.ReadUInt8(stream, $"{Path.GetFileName(_path)}/{entry.FullName}", entry.Length);
        }
        catch (InvalidDataException e) when (!e.Message.Contains(_path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{e.Message} File: {_path}", e);
        }
    }

    /// <summary>Closes the archive.</summary>
    public void Dispose() => _zip.Dispose();
}
