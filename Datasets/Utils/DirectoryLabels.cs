using System.Runtime.CompilerServices;

namespace Keras;

/// <summary>The <c>labels</c> argument of the directory loaders: <c>"inferred"</c> (the default: from the class
/// subfolder names), null (no labels), or one integer label per file in the files' sorted order
/// (<c>[0, 1, 1, ...]</c>).</summary>
/// <example><code>
/// var inferred = Utils.ImageDatasetFromDirectory("photos");                     // labels: "inferred"
/// var unlabeled = Utils.ImageDatasetFromDirectory("photos", labels: null);
/// var given = Utils.ImageDatasetFromDirectory("photos", labels: [.. myLabels]);
/// </code></example>
[CollectionBuilder(typeof(DirectoryLabels), nameof(Create))]
public readonly struct DirectoryLabels : IEnumerable<int>
{
    private readonly int[]? _values;
    private readonly bool _none;

    private DirectoryLabels(int[]? values, bool none)
    {
        _values = values;
        _none = none;
    }

    /// <summary>Labels from the subfolder names (the default value).</summary>
    public static DirectoryLabels Inferred => default;

    /// <summary>No labels.</summary>
    public static DirectoryLabels None => new(null, none: true);

    /// <summary>True for <c>"inferred"</c>.</summary>
    public bool IsInferred => _values is null && !_none;

    /// <summary>True for no labels (<c>labels=None</c>).</summary>
    public bool IsNone => _none;

    /// <summary>The explicit labels, or null.</summary>
    public IReadOnlyList<int>? Values => _values;

    /// <summary>Converts <c>"inferred"</c> or null.</summary>
    /// <param name="labels"><c>"inferred"</c> or null.</param>
    /// <exception cref="ArgumentException">Any other string.</exception>
    public static implicit operator DirectoryLabels(string? labels) => labels switch
    {
        "inferred" => Inferred,
        null => None,
        _ => throw new ArgumentException(
            "`labels` argument should be a list/tuple of integer labels, of the same size as the number of files " +
            "in the target directory. If you wish to infer the labels from the subdirectory names in the target " +
            "directory, pass `labels=\"inferred\"`. If you wish to get a dataset that only contains images (no " +
            $"labels), pass `labels=None`. Received: labels={labels}", nameof(labels)),
    };

    /// <summary>Explicit labels from a collection expression: <c>labels: [0, 1, 1]</c>.</summary>
    /// <param name="values">One label per file, in sorted path order.</param>
    /// <returns>The labels.</returns>
    public static DirectoryLabels Create(ReadOnlySpan<int> values) => new(values.ToArray(), none: false);

    /// <summary>Explicit labels.</summary>
    /// <param name="values">One label per file, in sorted path order.</param>
    /// <returns>The labels.</returns>
    public static DirectoryLabels From(IEnumerable<int> values) =>
        new((values ?? throw new ArgumentNullException(nameof(values))).ToArray(), none: false);

    /// <inheritdoc />
    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)(_values ?? [])).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() =>
        IsNone ? "None" : IsInferred ? "inferred" : $"[{string.Join(", ", _values!)}]";
}
