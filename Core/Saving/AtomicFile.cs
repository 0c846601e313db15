namespace Keras.Saving;

/// <summary>Writes a file all at once: the content goes to a temporary file in the same directory, which replaces the
/// target only when writing succeeded. A failure leaves the previous file untouched and removes the temporary
/// one.</summary>
internal static class AtomicFile
{
    /// <summary>Test hook: runs after the content was written to the temporary file and before it replaces the target
    /// (to check that a failure at the last moment leaves the old file intact).</summary>
    internal static Action<string>? BeforeReplace { get; set; }

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="write">Writes the whole content to the (seekable) stream it is given.</param>
    internal static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            BeforeReplace?.Invoke(temp);
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // Best effort: the original error matters more than a leftover temporary file.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
