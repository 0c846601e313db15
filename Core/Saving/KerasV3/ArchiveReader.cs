using System.IO.Compression;

namespace Keras.Saving.KerasV3;

/// <summary>Reads the members of a <c>.keras</c> zip into memory, never onto disk, refusing anything unsafe: entry
/// names that climb out (<c>..</c>), absolute or drive-letter paths, duplicates, members whose declared or actual
/// size passes <see cref="ArchiveLimits"/>, and files that are not (whole) zips.</summary>
internal sealed class ArchiveReader : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.Ordinal);

    private ArchiveReader(string path, ZipArchive zip)
    {
        FilePath = path;
        _zip = zip;
    }

    /// <summary>The archive's path, for messages.</summary>
    public string FilePath { get; }

    /// <summary>The member names.</summary>
    public IReadOnlyCollection<string> Names => _entries.Keys;

    /// <summary>Opens and vets the archive's directory.</summary>
    /// <exception cref="KerasFileException">The file is not a zip, is truncated, or lists an unsafe member.</exception>
    public static ArchiveReader Open(string path)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KerasFileException($"Could not open \"{path}\": {e.Message}", path, e);
        }
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException)
        {
            stream.Dispose();
            throw new KerasFileException(
                $"\"{path}\" is not a valid .keras archive: it could not be read as a zip file ({e.Message}). " +
                "A .keras file is the zip written by `model.Save(\"name.keras\")`.", path, e);
        }
        var reader = new ArchiveReader(path, zip);
        try
        {
            reader.Vet();
        }
        catch
        {
            reader.Dispose();
            throw;
        }
        return reader;
    }

    /// <summary>Whether the archive has a member named <paramref name="name"/>.</summary>
    public bool Contains(string name) => _entries.ContainsKey(name);

    /// <summary>The member's bytes, copied with a cap.</summary>
    /// <exception cref="KerasFileException">Missing, over <paramref name="maxBytes"/>, or corrupt.</exception>
    public MemoryStream Read(string name, long maxBytes)
    {
        if (!_entries.TryGetValue(name, out var entry))
        {
            throw new KerasFileException(
                $"\"{FilePath}\" is not a complete .keras archive: member \"{name}\" is missing. Members: " +
                $"[{string.Join(", ", _entries.Keys.Order(StringComparer.Ordinal))}].", FilePath);
        }
        if (entry.Length > maxBytes)
        {
            throw TooLarge(entry, maxBytes);
        }
        var buffer = new MemoryStream((int)Math.Min(entry.Length, maxBytes));
        try
        {
            using var source = entry.Open();
            CopyCapped(source, buffer, maxBytes, entry);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            buffer.Dispose();
            throw new KerasFileException(
                $"Member \"{name}\" of \"{FilePath}\" is corrupt or truncated: {e.Message}", FilePath, e);
        }
        buffer.Position = 0;
        return buffer;
    }

    /// <inheritdoc />
    public void Dispose() => _zip.Dispose();

    private void Vet()
    {
        IReadOnlyCollection<ZipArchiveEntry> entries;
        try
        {
            entries = _zip.Entries;
        }
        catch (InvalidDataException e)
        {
            throw new KerasFileException($"\"{FilePath}\" is not a valid .keras archive: {e.Message}", FilePath, e);
        }
        if (entries.Count > ArchiveLimits.MaxEntries)
        {
            throw new KerasFileException(
                $"\"{FilePath}\" has {entries.Count} members; a .keras archive is expected to have at most " +
                $"{ArchiveLimits.MaxEntries}.", FilePath);
        }
        foreach (var entry in entries)
        {
            string name = entry.FullName;
            if (UnsafeName(name) is { } reason)
            {
                throw new KerasFileException(
                    $"\"{FilePath}\" contains an unsafe member name \"{name}\" ({reason}); the archive was rejected.", FilePath);
            }
            if (!_entries.TryAdd(name, entry))
            {
                throw new KerasFileException(
                    $"\"{FilePath}\" contains member \"{name}\" more than once; the archive was rejected.", FilePath);
            }
            long ratioBase = Math.Max(entry.CompressedLength, 1);
            if (entry.Length > ArchiveLimits.RatioCheckFloor && entry.Length / ratioBase > ArchiveLimits.MaxRatio)
            {
                throw new KerasFileException(
                    $"Member \"{name}\" of \"{FilePath}\" declares {entry.Length:N0} bytes compressed into " +
                    $"{entry.CompressedLength:N0} (over {ArchiveLimits.MaxRatio}×): a zip bomb was suspected and the " +
                    "archive was rejected.", FilePath);
            }
        }
    }

    /// <summary>Why a member name is unsafe, or null.</summary>
    private static string? UnsafeName(string name)
    {
        if (name.Length == 0 || name.Contains('\0'))
        {
            return "empty or with a NUL character";
        }
        if (name[0] is '/' or '\\' || (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0])))
        {
            return "an absolute path";
        }
        if (name.Split('/', '\\').Any(part => part == ".."))
        {
            return "it climbs out of the archive with '..'";
        }
        return null;
    }

    private void CopyCapped(Stream source, Stream target, long maxBytes, ZipArchiveEntry entry)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw TooLarge(entry, maxBytes);
            }
            target.Write(chunk, 0, read);
        }
    }

    private KerasFileException TooLarge(ZipArchiveEntry entry, long maxBytes) => new(
        $"Member \"{entry.FullName}\" of \"{FilePath}\" is larger than the {maxBytes:N0} bytes accepted for it " +
        $"(declared size {entry.Length:N0} bytes); the archive was rejected.", FilePath);
}
