using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Keras.Callbacks;

/// <summary>Keras 3's progress bar (<c>keras.utils.Progbar</c>): <c>375/375 ━━━━━━━━━━━━━━━━━━━━ 2s 5ms/step - loss: 0.3012</c>.</summary>
/// <remarks>Verbose 1 redraws one line in place (at most every 50 ms, always at the end); when the output is not a
/// terminal only the final line of each bar is written, so logs stay readable. Verbose 2 writes one line at the end.</remarks>
/// <example><code>
/// var bar = new Progbar(target: 100);
/// for (int i = 1; i &lt;= 100; i++) bar.Update(i, [("loss", 0.5)]);
/// </code></example>
public sealed class Progbar
{
    private const int Width = 20;
    private readonly int? _target;
    private readonly int _verbose;
    private readonly TextWriter _out;
    private readonly bool _dynamic;
    private readonly bool _color;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _lastUpdate = double.NegativeInfinity;
    private double? _timeAfterFirstStep;
    private int _previousWidth;
    private bool _finished;

    /// <summary>Creates a bar.</summary>
    /// <param name="target">Total steps, or null when unknown.</param>
    /// <param name="verbose">1 live bar, 2 one line at the end. Defaults to 1.</param>
    /// <param name="output">Where to write. Defaults to the console.</param>
    /// <param name="dynamicDisplay">Redraw in place; defaults to true when the console output is not redirected.</param>
    public Progbar(int? target, int verbose = 1, TextWriter? output = null, bool? dynamicDisplay = null)
    {
        _target = target;
        _verbose = verbose;
        _out = output ?? Console.Out;
        _dynamic = dynamicDisplay ?? (output is null && !Console.IsOutputRedirected);
        _color = _dynamic && Environment.GetEnvironmentVariable("NO_COLOR") is null;
    }

    /// <summary>Shows progress at step <paramref name="current"/>.</summary>
    /// <param name="current">Steps done.</param>
    /// <param name="values">Metric values to show, already in display order.</param>
    /// <param name="finalize">Whether this is the last update; defaults to reaching the target.</param>
    public void Update(int current, IEnumerable<(string Name, double Value)> values, bool? finalize = null)
    {
        if (_finished)
        {
            return;
        }
        bool last = finalize ?? (_target is int t && current >= t);
        double now = _clock.Elapsed.TotalSeconds;
        if (current == 1 && _timeAfterFirstStep is null)
        {
            _timeAfterFirstStep = now;
        }
        if (_verbose == 1)
        {
            if (!last && (!_dynamic || now - _lastUpdate < 0.05))
            {
                return;
            }
            _lastUpdate = now;
            string line = BarLine(current, now, last) + FormatValues(values, strictPositive: false);
            Write(line, last);
        }
        else if (_verbose == 2 && last)
        {
            string line = $"{current}/{(_target?.ToString(CultureInfo.InvariantCulture) ?? "Unknown")} - " +
                          $"{now.ToString("F0", CultureInfo.InvariantCulture)}s - {PerStep(current, now)}" +
                          FormatValues(values, strictPositive: true);
            _out.WriteLine(line);
            _out.Flush();
        }
        _finished = last;
    }

    private string BarLine(int current, double now, bool last)
    {
        var sb = new StringBuilder();
        if (_target is int target)
        {
            int digits = target.ToString(CultureInfo.InvariantCulture).Length;
            string counter = current.ToString(CultureInfo.InvariantCulture).PadLeft(digits) + "/" + target;
            sb.Append(Bold(counter)).Append(' ');
            int done = (int)(Width * Math.Min(current, target) / (double)Math.Max(target, 1));
            sb.Append(Paint(new string('━', done), "32")).Append(Paint(new string('━', Width - done), "37"));
        }
        else
        {
            sb.Append(Bold(current.ToString(CultureInfo.InvariantCulture).PadLeft(7) + "/Unknown"));
        }
        sb.Append(' ');
        if (last)
        {
            sb.Append(now.ToString("F0", CultureInfo.InvariantCulture)).Append('s');
        }
        else if (_target is int t2 && current > 0)
        {
            double eta = (now / current) * (t2 - current);
            sb.Append(Bold(FormatEta(eta)));
        }
        sb.Append(' ').Append(PerStep(current, now));
        return sb.ToString();
    }

    private string PerStep(int current, double now)
    {
        double perStep = current > 1 && _timeAfterFirstStep is double first
            ? (now - first) / (current - 1)
            : current > 0 ? now / current : 0;
        return perStep >= 1 ? $"{perStep.ToString("F0", CultureInfo.InvariantCulture)}s/step"
            : perStep >= 1e-3 ? $"{(perStep * 1e3).ToString("F0", CultureInfo.InvariantCulture)}ms/step"
            : $"{(perStep * 1e6).ToString("F0", CultureInfo.InvariantCulture)}us/step";
    }

    private static string FormatEta(double eta) => eta > 3600
        ? $"{(int)eta / 3600}:{(int)eta % 3600 / 60:00}:{(int)eta % 60:00}"
        : eta > 60 ? $"{(int)eta / 60}:{(int)eta % 60:00}" : $"{(int)eta}s";

    /// <summary>Keras: <c>{:.4f}</c> when <c>|v| &gt; 1e-3</c> (verbose 2: <c>v &gt; 1e-3</c>), else <c>{:.4e}</c>.</summary>
    internal static string FormatValue(double value, bool strictPositive = false)
    {
        bool plain = strictPositive ? value > 1e-3 : Math.Abs(value) > 1e-3;
        if (plain)
        {
            return value.ToString("F4", CultureInfo.InvariantCulture);
        }
        if (double.IsNaN(value))
        {
            return "nan";
        }
        string s = value.ToString("0.0000e+00", CultureInfo.InvariantCulture);
        return s;
    }

    private static string FormatValues(IEnumerable<(string Name, double Value)> values, bool strictPositive) =>
        string.Concat(values.Select(v => $" - {v.Name}: {FormatValue(v.Value, strictPositive)}"));

    private void Write(string line, bool last)
    {
        if (_dynamic)
        {
            int visible = VisibleLength(line);
            string padding = visible < _previousWidth ? new string(' ', _previousWidth - visible) : "";
            _out.Write("\r" + line + padding);
            _previousWidth = visible;
            if (last)
            {
                _out.WriteLine();
            }
        }
        else if (last)
        {
            _out.WriteLine(line);
        }
        _out.Flush();
    }

    private static int VisibleLength(string text)
    {
        int length = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\u001b')
            {
                while (i < text.Length && text[i] != 'm')
                {
                    i++;
                }
                continue;
            }
            length++;
        }
        return length;
    }

    private string Bold(string text) => _color ? $"\u001b[1m{text}\u001b[0m" : text;

    private string Paint(string text, string code) => _color && text.Length > 0 ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
