using System.Text;

namespace Keras.Training;

/// <summary>Draws Keras 3's <c>model.summary()</c> table (rich's heavy-head box, column arithmetic and shrinking).</summary>
internal static class SummaryTable
{
    /// <summary>Column widths as Keras asks rich for them, shrunk to fit the borders exactly as rich does.</summary>
    internal static int[] ColumnWidths(int lineLength, double[] positions)
    {
        var widths = new int[positions.Length];
        int previous = 0;
        for (int i = 0; i < positions.Length; i++)
        {
            int end = (int)(positions[i] * lineLength);
            widths[i] = end - previous;
            previous = end;
        }
        int maxWidth = lineLength - (positions.Length + 1);
        int excess = widths.Sum() - maxWidth;
        if (excess > 0)
        {
            // rich.ratio_reduce(excess, [1]*n, widths, widths), with Python's round-half-even.
            int totalRatio = widths.Length;
            int remaining = excess;
            for (int i = 0; i < widths.Length; i++)
            {
                int distributed = Math.Min(widths[i], (int)Math.Round(remaining / (double)totalRatio, MidpointRounding.ToEven));
                widths[i] -= distributed;
                remaining -= distributed;
                totalRatio--;
            }
        }
        return widths;
    }

    internal static string Render(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows, int[] widths,
        bool[] rightAligned)
    {
        var sb = new StringBuilder();
        sb.Append(Border('┏', '━', '┳', '┓', widths)).Append('\n');
        AppendRow(sb, headers.ToArray(), widths, rightAligned, '┃');
        sb.Append(Border('┡', '━', '╇', '┩', widths)).Append('\n');
        for (int r = 0; r < rows.Count; r++)
        {
            AppendRow(sb, rows[r], widths, rightAligned, '│');
            sb.Append(r == rows.Count - 1 ? Border('└', '─', '┴', '┘', widths) : Border('├', '─', '┼', '┤', widths))
              .Append('\n');
        }
        if (rows.Count == 0)
        {
            sb.Append(Border('└', '─', '┴', '┘', widths)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Keras' <c>readable_memory_size</c>: bytes scaled by 1024 with two decimals.</summary>
    internal static string ReadableMemorySize(double bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB", "PB"];
        foreach (var unit in units)
        {
            if (bytes / 1024 < 1)
            {
                return bytes.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + " " + unit;
            }
            bytes /= 1024;
        }
        return bytes.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + " PB";
    }

    private static string Border(char left, char fill, char middle, char right, int[] widths) =>
        left + string.Join(middle, widths.Select(w => new string(fill, w))) + right;

    private static void AppendRow(StringBuilder sb, string[] cells, int[] widths, bool[] rightAligned, char bar)
    {
        var wrapped = cells.Select((c, i) => Wrap(c, Math.Max(1, widths[i] - 2))).ToArray();
        int lines = wrapped.Max(w => w.Count);
        for (int line = 0; line < lines; line++)
        {
            sb.Append(bar);
            for (int i = 0; i < widths.Length; i++)
            {
                string text = line < wrapped[i].Count ? wrapped[i][line] : "";
                int inner = widths[i] - 2;
                sb.Append(' ').Append(rightAligned[i] ? text.PadLeft(inner) : text.PadRight(inner)).Append(' ').Append(bar);
            }
            sb.Append('\n');
        }
    }

    private static List<string> Wrap(string text, int width)
    {
        if (text.Length <= width)
        {
            return [text];
        }
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            string piece = word;
            if (current.Length > 0 && current.Length + 1 + piece.Length > width)
            {
                lines.Add(current.ToString());
                current.Clear();
            }
            while (piece.Length > width)
            {
                if (current.Length > 0)
                {
                    lines.Add(current.ToString());
                    current.Clear();
                }
                lines.Add(piece[..width]);
                piece = piece[width..];
            }
            if (current.Length > 0)
            {
                current.Append(' ');
            }
            current.Append(piece);
        }
        lines.Add(current.ToString());
        return lines;
    }
}
