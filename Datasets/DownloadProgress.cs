using System.Diagnostics;
using System.Globalization;

namespace Keras.Datasets;

/// <summary>A Keras-style download bar (<c>1024/4096 bytes ━━━━━━━━━━ 2s</c>, with 20 bar characters).</summary>
/// <remarks>On a terminal the line is redrawn in place at most every 0.05 s; when the output is redirected only the
/// final line is written, so logs get one line per file.</remarks>
internal sealed class DownloadProgress
{
    private const int BarWidth = 20;
    private const string Bar = "━";
    private static readonly TimeSpan _redrawInterval = TimeSpan.FromSeconds(0.05);

    private readonly TextWriter _writer;
    private readonly bool _interactive;
    private readonly long? _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastDraw;
    private int _lastWidth;

    /// <summary>Starts a bar.</summary>
    /// <param name="writer">Where to write (stderr for users).</param>
    /// <param name="interactive">Whether to redraw in place.</param>
    /// <param name="total">The expected size in bytes, when the server sent one.</param>
    internal DownloadProgress(TextWriter writer, bool interactive, long? total)
    {
        _writer = writer;
        _interactive = interactive;
        _total = total;
    }

    /// <summary>Redraws the bar after more bytes arrived (terminals only, throttled).</summary>
    /// <param name="done">Bytes received so far.</param>
    internal void Report(long done)
    {
        TimeSpan now = _clock.Elapsed;
        if (!_interactive || now - _lastDraw < _redrawInterval)
        {
            return;
        }
        _lastDraw = now;
        Draw(Format(done, _total, now, final: false, color: true));
    }

    /// <summary>Writes the final line and ends it.</summary>
    /// <param name="done">Bytes received in all.</param>
    internal void Complete(long done)
    {
        string line = Format(done, _total, _clock.Elapsed, final: true, color: _interactive);
        if (_interactive)
        {
            Draw(line);
            _writer.WriteLine();
        }
        else
        {
            _writer.WriteLine(line);
        }
        _writer.Flush();
    }

    /// <summary>One bar line: counter, bar, then the ETA while running or the elapsed time at the end.</summary>
    /// <param name="done">Bytes received so far.</param>
    /// <param name="total">The expected size, or <see langword="null"/> when unknown.</param>
    /// <param name="elapsed">Time since the download started.</param>
    /// <param name="final">Whether this is the last update.</param>
    /// <param name="color">Whether to color the bar with ANSI codes like Keras 3.</param>
    /// <returns>The line, without a line break.</returns>
    internal static string Format(long done, long? total, TimeSpan elapsed, bool final, bool color)
    {
        string elapsedText = FormatDuration(elapsed);
        if (total is not { } size || size <= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{done,7}/Unknown bytes {elapsedText}");
        }
        string total_ = size.ToString(CultureInfo.InvariantCulture);
        string counter = done.ToString(CultureInfo.InvariantCulture).PadLeft(total_.Length);
        int filled = (int)Math.Clamp(BarWidth * done / size, 0, BarWidth);
        string doneBar = string.Concat(Enumerable.Repeat(Bar, filled));
        string restBar = string.Concat(Enumerable.Repeat(Bar, BarWidth - filled));
        string bar = color ? $"\u001b[32m{doneBar}\u001b[0m\u001b[37m{restBar}\u001b[0m" : doneBar + restBar;
        string time = final || done <= 0
            ? elapsedText
            : FormatDuration(TimeSpan.FromTicks((long)(elapsed.Ticks * (double)(size - done) / done)));
        return $"{counter}/{total_} bytes {bar} {time}";
    }

    private static string FormatDuration(TimeSpan t) => t.TotalSeconds switch
    {
        <= 60 => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0}s"),
        <= 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}:{t.Seconds:00}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}"),
    };

    private void Draw(string line)
    {
        int width = line.Length;
        _writer.Write('\r');
        _writer.Write(line);
        if (width < _lastWidth)
        {
            _writer.Write(new string(' ', _lastWidth - width));
        }
        _lastWidth = width;
        _writer.Flush();
    }
}
