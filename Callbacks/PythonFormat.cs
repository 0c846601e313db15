using System.Globalization;

namespace Keras.Callbacks;

/// <summary>Formats numbers the way Python's <c>repr</c>/f-strings do, so messages read exactly like Keras'.</summary>
internal static class PythonFormat
{
    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, <c>1.0</c>, <c>0.0001</c>, <c>1e-05</c>,
    /// <c>1e+16</c>, <c>nan</c>, <c>inf</c>.</summary>
    internal static string Float(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }
        string sign = value < 0 || (value == 0 && double.IsNegative(value)) ? "-" : "";
        var (digits, exponent) = Decompose(Math.Abs(value));
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }
        if (exponent is < -4 or >= 16)
        {
            string mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
            string expSign = exponent < 0 ? "-" : "+";
            return $"{sign}{mantissa}e{expSign}{Math.Abs(exponent):00}";
        }
        if (exponent < 0)
        {
            return sign + "0." + new string('0', -exponent - 1) + digits;
        }
        string whole = digits.Length > exponent + 1 ? digits[..(exponent + 1)] : digits.PadRight(exponent + 1, '0');
        string fraction = digits.Length > exponent + 1 ? digits[(exponent + 1)..] : "0";
        return sign + whole + "." + fraction;
    }

    /// <summary>The shortest round-trip significant digits (no leading or trailing zeros) and the decimal exponent
    /// of the first digit.</summary>
    private static (string Digits, int Exponent) Decompose(double magnitude)
    {
        string text = magnitude.ToString("R", CultureInfo.InvariantCulture);
        int exponent = 0;
        int e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        int point = text.IndexOf('.');
        string digits = point >= 0 ? text.Remove(point, 1) : text;
        int integerDigits = point >= 0 ? point : text.Length;
        int leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        return (digits, integerDigits - 1 - leadingZeros + exponent);
    }
}
