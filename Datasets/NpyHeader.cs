using System.Globalization;

namespace Keras.Datasets;

/// <summary>The header dictionary of a <c>.npy</c> file, such as
/// <c>{'descr': '|u1', 'fortran_order': False, 'shape': (2, 3), }</c>.</summary>
/// <param name="Descr">The numpy dtype string, such as <c>|u1</c>.</param>
/// <param name="FortranOrder">Whether the data is column-major.</param>
/// <param name="Shape">The array's dimensions; empty for a scalar.</param>
internal sealed record NpyHeader(string Descr, bool FortranOrder, int[] Shape)
{
    /// <summary>Parses the header with a strict reader of the three literals numpy writes (strings, booleans and
    /// tuples of integers); it evaluates nothing.</summary>
    /// <param name="text">The header text.</param>
    /// <param name="name">The member name, for messages.</param>
    /// <returns>The header.</returns>
    /// <exception cref="InvalidDataException">The text is not a header numpy writes.</exception>
    internal static NpyHeader Parse(string text, string name) => new Parser(text, name).ParseDictionary();

    private sealed class Parser(string text, string name)
    {
        private int _position;

        internal NpyHeader ParseDictionary()
        {
            string? descr = null;
            bool? fortranOrder = null;
            int[]? shape = null;
            Expect('{');
            while (Peek() != '}')
            {
                string key = ParseString();
                Expect(':');
                switch (key)
                {
                    case "descr" when descr is null && Peek() is '\'' or '"':
                        descr = ParseString();
                        break;
                    case "descr" when descr is null:
                        throw Invalid("its dtype is not a simple type (structured dtypes are not supported)");
                    case "fortran_order" when fortranOrder is null:
                        fortranOrder = ParseBoolean();
                        break;
                    case "shape" when shape is null:
                        shape = ParseShape();
                        break;
                    default:
                        throw Invalid($"its header has an unexpected or repeated key '{key}'");
                }
                if (Peek() != ',')
                {
                    break;
                }
                _position++;
            }
            Expect('}');
            if (text.AsSpan(_position).Trim() is { Length: > 0 })
            {
                throw Invalid("its header has text after the closing brace");
            }
            if (descr is null || fortranOrder is null || shape is null)
            {
                throw Invalid("its header lacks one of 'descr', 'fortran_order' and 'shape'");
            }
            return new NpyHeader(descr, fortranOrder.Value, shape);
        }

        private string ParseString()
        {
            char quote = Peek();
            if (quote is not ('\'' or '"'))
            {
                throw Invalid($"expected a quoted string at offset {_position} of its header");
            }
            int end = text.IndexOf(quote, _position + 1);
            if (end < 0 || text.IndexOf('\\', _position + 1, end - _position - 1) >= 0)
            {
                throw Invalid($"its header has an unterminated or escaped string at offset {_position}");
            }
            string value = text[(_position + 1)..end];
            _position = end + 1;
            return value;
        }

        private bool ParseBoolean()
        {
            Peek();
            foreach ((string literal, bool value) in new[] { ("True", true), ("False", false) })
            {
                if (string.CompareOrdinal(text, _position, literal, 0, literal.Length) == 0)
                {
                    _position += literal.Length;
                    return value;
                }
            }
            throw Invalid($"expected True or False for 'fortran_order' at offset {_position} of its header");
        }

        private int[] ParseShape()
        {
            var dims = new List<int>();
            Expect('(');
            while (Peek() != ')')
            {
                int start = _position;
                while (_position < text.Length && char.IsAsciiDigit(text[_position]))
                {
                    _position++;
                }
                if (!int.TryParse(text.AsSpan(start, _position - start), NumberStyles.None,
                        CultureInfo.InvariantCulture, out int dim))
                {
                    throw Invalid($"its shape has a missing or too large dimension at offset {start}");
                }
                dims.Add(dim);
                if (Peek() != ',')
                {
                    break;
                }
                _position++;
            }
            Expect(')');
            return [.. dims];
        }

        private char Peek()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
            return _position < text.Length ? text[_position] : '\0';
        }

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Invalid($"expected '{c}' at offset {_position} of its header");
            }
            _position++;
        }

        private InvalidDataException Invalid(string why) => new($"{name} is not a valid .npy file: {why}.");
    }
}
