using System.Globalization;
using System.Text;

namespace Keras.Callbacks;

/// <summary>Fills a checkpoint path template the way Python's <c>str.format(**fields)</c> does, for the fields
/// Keras users write: <c>{epoch:02d}</c>, <c>{val_loss:.2f}</c>, <c>{loss:.3e}</c>, <c>{batch}</c>.</summary>
/// <remarks>Supported format specs: an optional sign (<c>+</c>, <c>-</c>, space), an optional <c>0</c> flag, an
/// optional width, an optional <c>.precision</c> and a type among <c>d</c>, <c>f</c>, <c>F</c>, <c>e</c>, <c>E</c> or
/// none. <c>{{</c> and <c>}}</c> are literal braces. Integers are the <see cref="int"/> values (epoch, batch); log
/// values are floats, so <c>d</c> on a log value fails as it does in Python.</remarks>
internal static class PathTemplate
{
    /// <summary>Replaces every <c>{name[:spec]}</c> of <paramref name="template"/> with the field's value.</summary>
    /// <exception cref="KeyNotFoundException">A field names no value (Python's <c>KeyError</c>).</exception>
    /// <exception cref="FormatException">A brace is unmatched or a spec does not fit the value (Python's
    /// <c>ValueError</c>).</exception>
    /// <exception cref="NotSupportedException">A spec uses alignment, grouping or a type not listed above.</exception>
    internal static string Format(string template, IReadOnlyDictionary<string, object> fields)
    {
        var result = new StringBuilder(template.Length);
        int i = 0;
        while (i < template.Length)
        {
            char c = template[i];
            if (c == '}')
            {
                if (i + 1 < template.Length && template[i + 1] == '}')
                {
                    result.Append('}');
                    i += 2;
                    continue;
                }
                throw new FormatException("Single '}' encountered in format string");
            }
            if (c != '{')
            {
                result.Append(c);
                i++;
                continue;
            }
            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                result.Append('{');
                i += 2;
                continue;
            }
            int close = template.IndexOf('}', i + 1);
            if (close < 0)
            {
                throw new FormatException("Single '{' encountered in format string");
            }
            string field = template[(i + 1)..close];
            int colon = field.IndexOf(':');
            string name = colon < 0 ? field : field[..colon];
            string spec = colon < 0 ? "" : field[(colon + 1)..];
            if (!fields.TryGetValue(name, out object? value))
            {
                throw new KeyNotFoundException($"'{name}'");
            }
            result.Append(FormatValue(value, spec));
            i = close + 1;
        }
        return result.ToString();
    }

    /// <summary>Python's <c>format(value, spec)</c> for an <see cref="int"/> or <see cref="double"/>.</summary>
    internal static string FormatValue(object value, string spec)
    {
        int p = 0;
        char sign = '-';
        if (p < spec.Length && spec[p] is '+' or '-' or ' ')
        {
            sign = spec[p++];
        }
        bool zeroPad = false;
        if (p < spec.Length && spec[p] == '0')
        {
            zeroPad = true;
            p++;
        }
        int width = ReadNumber(spec, ref p) ?? 0;
        int? precision = null;
        if (p < spec.Length && spec[p] == '.')
        {
            p++;
            precision = ReadNumber(spec, ref p) ?? throw new FormatException("Format specifier missing precision");
        }
        char type = p < spec.Length ? spec[p++] : '\0';
        if (p != spec.Length || type is not ('\0' or 'd' or 'f' or 'F' or 'e' or 'E'))
        {
            throw new NotSupportedException(
                $"The format spec '{spec}' is not supported in checkpoint paths. Supported: [sign][0][width]" +
                "[.precision][d|f|F|e|E], e.g. '02d', '.2f', '.3e'.");
        }

        bool isInt = value is int or long;
        double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        string body;
        if (type == 'd')
        {
            if (!isInt)
            {
                throw new FormatException($"Unknown format code 'd' for object of type '{PythonType(value)}'");
            }
            if (precision is not null)
            {
                throw new FormatException("Precision not allowed in integer format specifier");
            }
            body = Math.Abs(Convert.ToInt64(value, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);
        }
        else if (type == '\0' && precision is null)
        {
            // Python's str(): "7" for ints, repr for floats ("0.5", "1e-05").
            body = isInt
                ? Math.Abs(Convert.ToInt64(value, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture)
                : PythonFormat.Float(Math.Abs(number));
        }
        else if (type == '\0')
        {
            throw new NotSupportedException(
                $"The format spec '{spec}' (precision without a type) is not supported in checkpoint paths; " +
                "write '.Nf' or '.Ne'.");
        }
        else
        {
            body = FloatBody(Math.Abs(number), type, precision ?? 6);
        }

        bool negative = isInt ? Convert.ToInt64(value, CultureInfo.InvariantCulture) < 0
            : number < 0 || (number == 0 && double.IsNegative(number));
        string signText = negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";
        int padding = width - signText.Length - body.Length;
        if (padding <= 0)
        {
            return signText + body;
        }
        // Python pads numbers on the left; the 0 flag puts the zeros between the sign and the digits.
        return zeroPad ? signText + new string('0', padding) + body : new string(' ', padding) + signText + body;
    }

    private static string FloatBody(double magnitude, char type, int precision)
    {
        bool upper = char.IsUpper(type);
        if (double.IsNaN(magnitude))
        {
            return upper ? "NAN" : "nan";
        }
        if (double.IsInfinity(magnitude))
        {
            return upper ? "INF" : "inf";
        }
        if (type is 'f' or 'F')
        {
            return magnitude.ToString("F" + precision, CultureInfo.InvariantCulture);
        }
        // .NET writes "5.00e-001"; Python writes at least two exponent digits: "5.00e-01".
        string text = magnitude.ToString((upper ? "E" : "e") + precision, CultureInfo.InvariantCulture);
        int e = text.IndexOfAny(['e', 'E']);
        char expSign = text[e + 1];
        int exponent = int.Parse(text[(e + 2)..], CultureInfo.InvariantCulture);
        return $"{text[..(e + 1)]}{expSign}{exponent:00}";
    }

    private static int? ReadNumber(string spec, ref int p)
    {
        int start = p;
        while (p < spec.Length && char.IsAsciiDigit(spec[p]))
        {
            p++;
        }
        return p > start ? int.Parse(spec[start..p], CultureInfo.InvariantCulture) : null;
    }

    private static string PythonType(object value) => value is int or long ? "int" : "float";
}
