namespace Keras;

/// <summary>The validated arguments of <c>ModelToDot</c>/<c>PlotModel</c>.</summary>
internal sealed record PlotOptions(
    bool ShowShapes,
    bool ShowDtype,
    bool ShowLayerNames,
    string Rankdir,
    bool ExpandNested,
    int Dpi,
    bool ShowLayerActivations,
    bool ShowTrainable,
    string Splines)
{
    private static readonly string[] Rankdirs = ["TB", "LR", "BT", "RL"];
    private static readonly string[] SplineKinds = ["ortho", "curved", "polyline", "spline", "line"];

    /// <summary>Whether ranks run horizontally (<c>LR</c>, <c>RL</c>).</summary>
    internal bool Horizontal => Rankdir is "LR" or "RL";

    /// <summary>Checks the arguments and normalises <paramref name="rankdir"/> to upper case.</summary>
    internal static PlotOptions Create(bool showShapes, bool showDtype, bool showLayerNames, string rankdir,
        bool expandNested, int dpi, bool showLayerActivations, bool showTrainable, string splines)
    {
        ArgumentNullException.ThrowIfNull(rankdir);
        ArgumentNullException.ThrowIfNull(splines);
        string direction = rankdir.ToUpperInvariant();
        if (!Rankdirs.Contains(direction))
        {
            throw new ArgumentException(
                $"Invalid `rankdir`: expected one of {Quoted(Rankdirs)} (\"TB\" draws a vertical plot, \"LR\" a " +
                $"horizontal one). Received: rankdir=\"{rankdir}\"", nameof(rankdir));
        }
        if (dpi <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dpi), dpi,
                $"`dpi` must be a positive number of dots per inch. Received: dpi={dpi}");
        }
        if (!SplineKinds.Contains(splines))
        {
            throw new ArgumentException(
                $"Invalid `splines`: expected one of {Quoted(SplineKinds)}. Received: splines=\"{splines}\"",
                nameof(splines));
        }
        return new PlotOptions(showShapes, showDtype, showLayerNames, direction, expandNested, dpi,
            showLayerActivations, showTrainable, splines);
    }

    private static string Quoted(string[] values) => string.Join(", ", values.Select(v => $"\"{v}\""));
}
