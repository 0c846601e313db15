namespace Keras;

/// <summary>A piece of label text, bold or regular.</summary>
/// <param name="Text">The text, unescaped.</param>
/// <param name="Bold">Whether it is bold.</param>
internal readonly record struct LabelRun(string Text, bool Bold);

/// <summary>One cell of a layer's label table, as a Graphviz HTML-like <c>&lt;td&gt;</c>.</summary>
/// <param name="Runs">The text runs, left to right.</param>
/// <param name="FontSize">The font size in points.</param>
/// <param name="Fill">The background colour (an SVG/Graphviz colour name).</param>
/// <param name="TextColor">The text colour.</param>
internal sealed record LabelCell(IReadOnlyList<LabelRun> Runs, double FontSize, string Fill, string TextColor)
{
    /// <summary>The cell's text without formatting.</summary>
    internal string PlainText => string.Concat(Runs.Select(r => r.Text));

    /// <summary>The width of the text in points.</summary>
    internal double TextWidth => Runs.Sum(r => TextMetrics.Width(r.Text, FontSize, r.Bold));
}
