namespace Keras.Saving.KerasV3;

/// <summary>The <c>assets/</c> members of a <c>.keras</c> archive: each <see cref="IKerasAssets"/> layer's files under
/// <c>assets/&lt;its saveable path&gt;/</c>, as Keras' <c>DiskIOStore</c> lays them out.</summary>
internal static class KerasAssets
{
    private const string Folder = "assets";

    /// <summary>The archive members to write, in walk order.</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> Collect(Model model)
    {
        var members = new List<(string, byte[])>();
        foreach (var entry in SaveableWalk.Walk(model))
        {
            if (entry.Owner is IKerasAssets saveable)
            {
                foreach (var (file, content) in saveable.SaveAssets())
                {
                    members.Add(($"{FolderOf(entry)}/{file}", content));
                }
            }
        }
        return members;
    }

    /// <summary>Hands each <see cref="IKerasAssets"/> layer the files of its folder.</summary>
    /// <exception cref="KerasFileException">An asset is too large or does not hold what the layer expects.</exception>
    public static void Restore(ArchiveReader archive, Model model)
    {
        foreach (var entry in SaveableWalk.Walk(model))
        {
            if (entry.Owner is not IKerasAssets saveable)
            {
                continue;
            }
            string prefix = FolderOf(entry) + "/";
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var name in archive.Names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
            {
                string file = name[prefix.Length..];
                if (file.Length > 0 && !file.Contains('/'))
                {
                    using var content = archive.Read(name, ArchiveLimits.MaxJsonBytes);
                    files[file] = content.ToArray();
                }
            }
            try
            {
                saveable.LoadAssets(files);
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
            {
                throw new KerasFileException(
                    $"Cannot restore the assets of {entry.Describe()} from \"{prefix}\" in \"{archive.FilePath}\": " +
                    e.Message, archive.FilePath, e);
            }
        }
    }

    private static string FolderOf(SaveableEntry entry) =>
        entry.Path.Length == 0 ? Folder : $"{Folder}/{entry.Path}";
}
