using System.Collections;
using System.Globalization;

namespace Keras.Callbacks;

/// <summary>The metric values passed to callbacks: name → double, enumerated in sorted key order as Keras does.</summary>
/// <remarks>Values may be computed on first read (batch logs read metric states only when a callback looks), so read
/// them during the callback. Callbacks may add entries (e.g. <c>learning_rate</c>), which later callbacks and
/// <see cref="History"/> see.</remarks>
/// <example><code>
/// public override void OnEpochEnd(int epoch, Logs logs) =&gt; Console.WriteLine(logs["val_loss"]);
/// </code></example>
public sealed class Logs : IReadOnlyDictionary<string, double>
{
    private readonly SortedDictionary<string, double> _values = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Func<double>> _pending = new(StringComparer.Ordinal);

    /// <summary>Creates empty logs.</summary>
    public Logs()
    {
    }

    /// <summary>Creates logs holding a copy of <paramref name="values"/>.</summary>
    /// <param name="values">The values.</param>
    public Logs(IEnumerable<KeyValuePair<string, double>> values)
    {
        foreach (var (key, value) in values)
        {
            _values[key] = value;
        }
    }

    /// <summary>The value of <paramref name="key"/>; setting adds or replaces it.</summary>
    /// <param name="key">The metric name.</param>
    public double this[string key]
    {
        get => TryGetValue(key, out var value)
            ? value
            : throw new KeyNotFoundException(
                $"Logs have no \"{key}\". Available: {string.Join(", ", Keys)}.");
        set
        {
            _pending.Remove(key);
            _values[key] = value;
        }
    }

    /// <inheritdoc />
    public IEnumerable<string> Keys => _values.Keys.Concat(_pending.Keys).Order(StringComparer.Ordinal);

    /// <inheritdoc />
    public IEnumerable<double> Values => Keys.Select(k => this[k]);

    /// <inheritdoc />
    public int Count => _values.Count + _pending.Count;

    /// <summary>True when there are no entries.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Adds an entry whose value is computed on first read.</summary>
    internal void SetLazy(string key, Func<double> compute)
    {
        _values.Remove(key);
        _pending[key] = compute;
    }

    /// <inheritdoc />
    public bool ContainsKey(string key) => _values.ContainsKey(key) || _pending.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out double value)
    {
        if (_values.TryGetValue(key, out value))
        {
            return true;
        }
        if (_pending.Remove(key, out var compute))
        {
            value = compute();
            _values[key] = value;
            return true;
        }
        return false;
    }

    /// <summary>A copy with every value computed.</summary>
    /// <returns>The snapshot.</returns>
    public Logs Snapshot() => new(this);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() =>
        Keys.ToList().Select(k => new KeyValuePair<string, double>(k, this[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Python-dict style text: <c>{'accuracy': 0.91, 'loss': 0.3}</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        "{" + string.Join(", ", this.Select(kv => $"'{kv.Key}': {kv.Value.ToString("R", CultureInfo.InvariantCulture)}")) + "}";
}
