namespace Keras;

/// <summary>Estimates text widths without a font library, so that labels fit whichever of the two usual sans-serif
/// families renders the SVG: Helvetica (Arial and Liberation Sans share its metrics) or DejaVu Sans (the default
/// sans-serif font on many Linux systems, up to a quarter wider).</summary>
internal static class TextMetrics
{
    // Advance widths in 1/1000 em for ' ' (32) .. '~' (126). Helvetica: Adobe's Helvetica.afm and Helvetica-Bold.afm.
    private static readonly short[] Helvetica =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ];

    private static readonly short[] HelveticaBold =
    [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ];

    // DejaVu Sans 2.37 (DejaVuSans.ttf, DejaVuSans-Bold.ttf): hmtx advances through the cmap, scaled from 2048 units.
    private static readonly short[] DejaVu =
    [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
        1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ];

    private static readonly short[] DejaVuBold =
    [
        348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365,
        696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580,
        1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
        733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500,
        500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
        716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
    ];

    /// <summary>The width of <paramref name="text"/> at <paramref name="fontSize"/> points in the wider
    /// family.</summary>
    internal static double Width(string text, double fontSize, bool bold) => Math.Max(
        Units(text, bold ? HelveticaBold : Helvetica, bold ? 611 : 556),
        Units(text, bold ? DejaVuBold : DejaVu, bold ? 696 : 636)) * fontSize / 1000.0;

    private static double Units(string text, short[] table, int other)
    {
        double units = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            int c = rune.Value;
            units += c switch
            {
                >= 32 and <= 126 => table[c - 32],
                // CJK, Hangul, full-width forms and emoji take a full em; other scripts about a digit's width.
                >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3
                    or >= 0xF900 and <= 0xFAFF or >= 0xFF00 and <= 0xFF60 or >= 0x1F300 => 1000,
                _ => other,
            };
        }
        return units;
    }
}
