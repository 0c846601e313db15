using System.Globalization;
using System.Text;

namespace Keras.Callbacks;

/// <summary>Streams epoch results to a CSV file (<c>keras.callbacks.CSVLogger</c>).</summary>
/// <remarks>
/// <para>As in Keras 3, the first epoch fixes the columns: <c>epoch</c>, then the logs keys sorted. When that epoch
/// has no <c>val_</c> key, a <c>val_</c> column is added for each key (written <c>NA</c> while absent), so that
/// validation results of later epochs (<c>validation_freq</c> &gt; 1) have a place. Numbers are written as Python's
/// <c>str(float)</c> prints them (<c>0.5</c>, <c>1e-05</c>, <c>nan</c>), rows end with <c>\r\n</c> (Python's
/// <c>csv.excel</c> dialect) and fields holding the separator, a quote or a line break are quoted.</para>
/// <para>The file is opened when training begins, flushed after each epoch and closed when training ends. With
/// <see cref="Append"/> the rows are added to an existing file, and the header is only written when the file is
/// missing or empty.</para>
/// </remarks>
/// <example><code>
/// var logger = new CSVLogger("run/log.csv");
/// model.Fit(x, y, epochs: 3, callbacks: [logger], verbose: 0);
/// // run/log.csv:
/// // epoch,loss
/// // 0,0.6931471824645996
/// // ...
/// </code></example>
public sealed class CSVLogger : Callback, IDisposable
{
    private StreamWriter? _file;
    private List<string>? _keys;
    private bool _writerReady;
    private bool _appendHeader = true;

    /// <summary>Creates the callback.</summary>
    /// <param name="filename">The CSV file, e.g. <c>"run/log.csv"</c>.</param>
    /// <param name="separator">The string between fields. Defaults to <c>","</c>.</param>
    /// <param name="append">True: append to the file if it exists (to continue training); false: overwrite it.
    /// Defaults to false.</param>
    public CSVLogger(string filename, string separator = ",", bool append = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filename);
        ArgumentException.ThrowIfNullOrEmpty(separator);
        Filename = filename;
        Separator = separator;
        Append = append;
    }

    /// <summary>The CSV file written.</summary>
    public string Filename { get; }

    /// <summary>The string between fields.</summary>
    public string Separator { get; }

    /// <summary>Whether rows are appended to an existing file.</summary>
    public bool Append { get; }

    /// <inheritdoc />
    public override void OnTrainBegin(Logs logs)
    {
        if (Append && File.Exists(Filename))
        {
            using var reader = new StreamReader(Filename);
            // Keras: the header is written only when the existing file's first line is empty.
            _appendHeader = string.IsNullOrEmpty(reader.ReadLine());
        }
        CloseFile();
        _file = new StreamWriter(Filename, Append, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        _writerReady = false;
        _keys = null;
    }

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, Logs logs)
    {
        var file = _file ?? throw new InvalidOperationException(
            $"CSVLogger(\"{Filename}\") received an epoch end before training began.");
        if (_keys is null)
        {
            _keys = logs.Keys.Order(StringComparer.Ordinal).ToList();
            if (_keys.Count > 0 && !_keys.Any(k => k.StartsWith("val_", StringComparison.Ordinal)))
            {
                _keys.AddRange(_keys.Select(k => "val_" + k).ToList());
            }
        }
        if (!_writerReady)
        {
            if (_appendHeader)
            {
                WriteRow(file, _keys.Prepend("epoch"));
            }
            _writerReady = true;
        }
        var row = _keys.Select(k => logs.TryGetValue(k, out double value) ? PythonFormat.Float(value) : "NA");
        WriteRow(file, row.Prepend(epoch.ToString(CultureInfo.InvariantCulture)));
        file.Flush();
    }

    /// <inheritdoc />
    public override void OnTrainEnd(Logs logs)
    {
        CloseFile();
        _writerReady = false;
    }

    /// <summary>Closes the file if training ended without <see cref="OnTrainEnd"/>.</summary>
    public void Dispose() => CloseFile();

    private void WriteRow(StreamWriter file, IEnumerable<string> fields)
    {
        file.Write(string.Join(Separator, fields.Select(Quote)));
        file.Write("\r\n");
    }

    /// <summary>Python csv's QUOTE_MINIMAL: quote a field holding the separator, a quote or a line break, doubling
    /// its quotes.</summary>
    private string Quote(string field) =>
        field.Contains(Separator, StringComparison.Ordinal) || field.IndexOfAny(['"', '\r', '\n']) >= 0
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;

    private void CloseFile()
    {
        _file?.Dispose();
        _file = null;
    }
}
