using System.Collections;

namespace Keras.Callbacks;

/// <summary>Records each epoch's logs; returned by <c>Fit</c>. Index it like Keras' <c>history.history</c>.</summary>
/// <example><code>
/// History history = model.Fit(x, y, epochs: 5, validationSplit: 0.2);
/// IReadOnlyList&lt;double&gt; valLoss = history["val_loss"];
/// </code></example>
public sealed class History : Callback, IReadOnlyDictionary<string, IReadOnlyList<double>>
{
    private readonly SortedDictionary<string, List<double>> _history = new(StringComparer.Ordinal);
    private readonly List<int> _epochs = [];

    /// <summary>The 0-based indices of the recorded epochs.</summary>
    public IReadOnlyList<int> Epoch => _epochs;

    /// <summary>The values of one metric, one per epoch.</summary>
    /// <param name="key">The metric name (<c>loss</c>, <c>val_accuracy</c>).</param>
    public IReadOnlyList<double> this[string key] => _history.TryGetValue(key, out var values)
        ? values
        : throw new KeyNotFoundException(
            $"History has no \"{key}\". Available keys: {string.Join(", ", _history.Keys)}.");

    /// <summary>The recorded metric names, sorted.</summary>
    public IEnumerable<string> Keys => _history.Keys;

    /// <inheritdoc />
    public IEnumerable<IReadOnlyList<double>> Values => _history.Values;

    /// <inheritdoc />
    public int Count => _history.Count;

    /// <inheritdoc />
    public override void OnTrainBegin(Logs logs) => _epochs.Clear();

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, Logs logs)
    {
        _epochs.Add(epoch);
        foreach (var (key, value) in logs)
        {
            if (!_history.TryGetValue(key, out var values))
            {
                values = [];
                _history[key] = values;
            }
            values.Add(value);
        }
    }

    /// <summary>Replaces the record with epochs from an earlier, interrupted run (BackupAndRestore).</summary>
    internal void Restore(IReadOnlyList<int> epochs, IReadOnlyDictionary<string, IReadOnlyList<double>> values)
    {
        _epochs.Clear();
        _epochs.AddRange(epochs);
        _history.Clear();
        foreach (var (key, list) in values)
        {
            _history[key] = [.. list];
        }
    }

    /// <inheritdoc />
    public bool ContainsKey(string key) => _history.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out IReadOnlyList<double> value)
    {
        bool found = _history.TryGetValue(key, out var list);
        value = list ?? (IReadOnlyList<double>)[];
        return found;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, IReadOnlyList<double>>> GetEnumerator() =>
        _history.Select(kv => new KeyValuePair<string, IReadOnlyList<double>>(kv.Key, kv.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
