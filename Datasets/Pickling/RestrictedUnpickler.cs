using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Keras.Datasets.Pickling;

/// <summary>Reads the Python pickles inside Keras' datasets (CIFAR batches, IMDB and Reuters object arrays) without
/// executing anything: a stack machine over the binary opcodes of protocols 2 to 4 (plus the text forms of
/// <c>GLOBAL</c>, <c>INT</c>, <c>PUT</c> and <c>GET</c> that Python 2 wrote); any other opcode is rejected.</summary>
/// <remarks>
/// <para>Like Keras' <c>RestrictedUnpickler</c> (<c>keras/src/datasets/npz_utils.py</c>), the only globals allowed
/// are <c>numpy.core.multiarray._reconstruct</c> (and numpy 2's <c>numpy._core.multiarray._reconstruct</c>),
/// <c>numpy.ndarray</c> and <c>numpy.dtype</c>; any other global (<c>os.system</c>, <c>builtins.eval</c>...) is
/// refused with an <see cref="InvalidDataException"/> naming it. Those three are never called: <c>REDUCE</c> and
/// <c>BUILD</c> on them build a <see cref="NpyArray"/> from the arguments and state numpy writes.</para>
/// <para>Values: <c>None</c> → <see langword="null"/>, bool, int → <see cref="long"/>, float → <see cref="double"/>,
/// str → <see cref="string"/>, bytes and Python 2 8-bit strings → <see cref="byte"/>[] (Keras' <c>encoding="bytes"</c>),
/// list → <see cref="List{T}"/>, tuple → <see cref="object"/>[], dict → <see cref="Dictionary{TKey, TValue}"/> keyed
/// by string (bytes keys decoded as UTF-8, as Keras' <c>load_batch</c> does), numpy arrays → <see cref="NpyArray"/>.
/// </para>
/// </remarks>
internal sealed class RestrictedUnpickler
{
    private const int MaxDepth = 32;
    private static readonly object _mark = new();

    // IMDB and Reuters hold millions of small word indices; sharing their boxes keeps loading light.
    private static readonly Lazy<object[]> _smallInts =
        new(() => Enumerable.Range(0, 1 << 16).Select(i => (object)(long)i).ToArray());
    private readonly byte[] _data;
    private readonly string _name;
    private readonly List<object?> _stack = [];
    private readonly List<int> _marks = [];
    private readonly Dictionary<long, object?> _memo = [];
    private int _position;

    private RestrictedUnpickler(byte[] data, int start, string name)
    {
        _data = data;
        _position = start;
        _name = name;
    }

    /// <summary>Reads one pickle.</summary>
    /// <param name="data">The bytes holding the pickle.</param>
    /// <param name="start">Where the pickle starts.</param>
    /// <param name="name">The file or member, for messages.</param>
    /// <returns>The value, with numpy arrays as <see cref="NpyArray"/>.</returns>
    /// <exception cref="InvalidDataException">The pickle names a global outside the allow-list, uses an opcode these
    /// files never use, or is malformed.</exception>
    internal static object? Load(byte[] data, int start, string name) =>
        Resolve(new RestrictedUnpickler(data, start, name).Run(), name, depth: 0);

    private object? Run()
    {
        while (true)
        {
            int at = _position;
            byte op = ReadByte();
            switch ((char)op)
            {
                case '\x80': // PROTO
                    ReadByte();
                    break;
                case '\x95': // FRAME: a length prefix only
                    Take(8);
                    break;
                case '.': // STOP
                    return _stack.Count == 1 && _marks.Count == 0 ? _stack[0] : throw Invalid("it ends unbalanced");
                case '(':
                    _marks.Add(_stack.Count);
                    _stack.Add(_mark);
                    break;
                case '}':
                    _stack.Add(new Dictionary<string, object?>());
                    break;
                case ']':
                    _stack.Add(new List<object?>());
                    break;
                case ')':
                    _stack.Add(Array.Empty<object?>());
                    break;
                case 't':
                    _stack.Add(PopMark().ToArray());
                    break;
                case '\x85' or '\x86' or '\x87': // TUPLE1, TUPLE2, TUPLE3
                    _stack.Add(PopN(op - 0x84).ToArray());
                    break;
                case 'q':
                    _memo[ReadByte()] = Top();
                    break;
                case 'r':
                    _memo[BinaryPrimitives.ReadUInt32LittleEndian(Take(4))] = Top();
                    break;
                case '\x94': // MEMOIZE
                    _memo[_memo.Count] = Top();
                    break;
                case 'p':
                    _memo[ParseLong(ReadLine())] = Top();
                    break;
                case 'h':
                    _stack.Add(Memo(ReadByte()));
                    break;
                case 'j':
                    _stack.Add(Memo(BinaryPrimitives.ReadUInt32LittleEndian(Take(4))));
                    break;
                case 'g':
                    _stack.Add(Memo(ParseLong(ReadLine())));
                    break;
                case 'J':
                    _stack.Add((long)BinaryPrimitives.ReadInt32LittleEndian(Take(4)));
                    break;
                case 'K':
                    _stack.Add(_smallInts.Value[ReadByte()]);
                    break;
                case 'M':
                    _stack.Add(_smallInts.Value[BinaryPrimitives.ReadUInt16LittleEndian(Take(2))]);
                    break;
                case 'I':
                    string text = ReadLine();
                    _stack.Add(text switch { "00" => false, "01" => true, _ => ParseLong(text) });
                    break;
                case '\x8a': // LONG1
                    _stack.Add(ReadLong1());
                    break;
                case 'G':
                    _stack.Add(BinaryPrimitives.ReadDoubleBigEndian(Take(8)));
                    break;
                case 'N':
                    _stack.Add(null);
                    break;
                case '\x88':
                    _stack.Add(true);
                    break;
                case '\x89':
                    _stack.Add(false);
                    break;
                case 'U' or 'C': // SHORT_BINSTRING (Python 2 str, read as bytes), SHORT_BINBYTES
                    _stack.Add(Take(ReadByte()).ToArray());
                    break;
                case 'T' or 'B': // BINSTRING, BINBYTES
                    _stack.Add(Take(ReadLength(4)).ToArray());
                    break;
                case '\x8e': // BINBYTES8
                    _stack.Add(Take(ReadLength(8)).ToArray());
                    break;
                case '\x8c': // SHORT_BINUNICODE
                    _stack.Add(Encoding.UTF8.GetString(Take(ReadByte())));
                    break;
                case 'X':
                    _stack.Add(Encoding.UTF8.GetString(Take(ReadLength(4))));
                    break;
                case '\x8d': // BINUNICODE8
                    _stack.Add(Encoding.UTF8.GetString(Take(ReadLength(8))));
                    break;
                case 'c': // GLOBAL
                    _stack.Add(Global(ReadLine(), ReadLine()));
                    break;
                case '\x93': // STACK_GLOBAL
                    object?[] names = PopN(2).ToArray();
                    _stack.Add(names is [string module, string qualified]
                        ? Global(module, qualified)
                        : throw Invalid("STACK_GLOBAL needs two strings"));
                    break;
                case 'R':
                    object? arguments = Pop();
                    _stack.Add(Reduce(Pop(), arguments));
                    break;
                case 'b':
                    object? state = Pop();
                    Build(Top(), state);
                    break;
                case 's':
                    object? value = Pop();
                    object? key = Pop();
                    SetItems(Top(), [key, value]);
                    break;
                case 'u':
                    List<object?> pairs = PopMark();
                    SetItems(Top(), pairs);
                    break;
                case 'a':
                    object? item = Pop();
                    AsList(Top()).Add(item);
                    break;
                case 'e':
                    AppendMarked();
                    break;
                default:
                    throw Invalid($"it uses the opcode 0x{op:x2} at offset {at}, which Keras' dataset files never use");
            }
        }
    }

    private PickleGlobal Global(string module, string name) => (module, name) switch
    {
        ("numpy.core.multiarray" or "numpy._core.multiarray", "_reconstruct") => PickleGlobal.Reconstruct,
        ("numpy", "ndarray") => PickleGlobal.NdArray,
        ("numpy", "dtype") => PickleGlobal.Dtype,
        _ => throw new InvalidDataException(
            $"Refusing to deserialize `{module}.{name}` while loading a Keras dataset from {_name}: only numpy " +
            "array reconstruction (numpy.core.multiarray._reconstruct, numpy.ndarray, numpy.dtype) is allowed. " +
            "The file may be corrupted or malicious."),
    };

    private object Reduce(object? callable, object? arguments) => (callable, arguments) switch
    {
        (PickleGlobal.Reconstruct, object?[] { Length: 3 } a) when a[0] is PickleGlobal.NdArray => new PickledArray(),
        (PickleGlobal.Dtype, object?[] { Length: 3 } a) when Text(a[0]) is { } typeString => new PickledDtype(typeString),
        _ => throw Invalid($"it calls {callable ?? "None"} with arguments numpy never writes"),
    };

    private void Build(object? target, object? state)
    {
        switch (target)
        {
            case PickledArray array:
                array.SetState(Resolve(state, _name, depth: 0), _name);
                break;
            case PickledDtype dtype when state is object?[] { Length: >= 2 } parts && Text(parts[1]) is { } order:
                dtype.ByteOrder = order;
                break;
            default:
                throw Invalid($"it sets the state of {target?.GetType().Name ?? "None"}, which only numpy arrays " +
                    "and dtypes may have");
        }
    }

    private void SetItems(object? target, List<object?> pairs)
    {
        if (target is not Dictionary<string, object?> dictionary || pairs.Count % 2 != 0)
        {
            throw Invalid("it sets items on something that is not a dict");
        }
        for (int i = 0; i < pairs.Count; i += 2)
        {
            string key = pairs[i] switch
            {
                string s => s,
                byte[] b => Encoding.UTF8.GetString(b),
                var other => throw Invalid($"it has a dict key of type {other?.GetType().Name ?? "None"}"),
            };
            dictionary[key] = pairs[i + 1];
        }
    }

    /// <summary>Replaces rebuilt numpy arrays by their contents, inside lists, tuples and dicts; a nesting deeper than
    /// any dataset's (or a list holding itself) is refused rather than recursed into.</summary>
    private static object? Resolve(object? value, string name, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException(
                $"{name} is not a valid dataset pickle: it nests containers more than {MaxDepth} deep.");
        }
        switch (value)
        {
            case PickledArray array:
                return (object?)array.Value ?? throw new InvalidDataException(
                    $"{name} is not a valid dataset pickle: a numpy array in it has no state.");
            case List<object?> list:
                for (int i = 0; i < list.Count; i++)
                {
                    list[i] = Resolve(list[i], name, depth + 1);
                }
                return list;
            case object?[] tuple:
                return tuple.Select(item => Resolve(item, name, depth + 1)).ToArray();
            case Dictionary<string, object?> dictionary:
                foreach (string key in dictionary.Keys.ToList())
                {
                    dictionary[key] = Resolve(dictionary[key], name, depth + 1);
                }
                return dictionary;
            default:
                return value;
        }
    }

    /// <summary>A Python str, or a Python 2 8-bit string read as bytes, as text.</summary>
    private static string? Text(object? value) => value switch
    {
        string s => s,
        byte[] b => Encoding.Latin1.GetString(b),
        _ => null,
    };

    private List<object?> AsList(object? target) =>
        target as List<object?> ?? throw Invalid("it appends to something that is not a list");

    private object? Memo(long key) =>
        _memo.TryGetValue(key, out object? value) ? value : throw Invalid($"it reads the unset memo entry {key}");

    private object? Top() => _stack.Count > 0 && _stack[^1] != _mark ? _stack[^1] : throw Invalid("its stack is empty");

    private object? Pop()
    {
        object? value = Top();
        _stack.RemoveAt(_stack.Count - 1);
        return value;
    }

    private List<object?> PopN(int count)
    {
        int start = _stack.Count - count;
        if (start < (_marks.Count > 0 ? _marks[^1] + 1 : 0))
        {
            throw Invalid("its stack is too short");
        }
        List<object?> values = _stack.GetRange(start, count);
        _stack.RemoveRange(start, count);
        return values;
    }

    private List<object?> PopMark()
    {
        if (_marks.Count == 0)
        {
            throw Invalid("it pops a MARK that was never pushed");
        }
        int mark = _marks[^1];
        _marks.RemoveAt(_marks.Count - 1);
        List<object?> values = _stack.GetRange(mark + 1, _stack.Count - mark - 1);
        _stack.RemoveRange(mark, _stack.Count - mark);
        return values;
    }

    /// <summary>APPENDS: moves the items above the last MARK into the list below it, copying them once.</summary>
    private void AppendMarked()
    {
        if (_marks.Count == 0)
        {
            throw Invalid("it pops a MARK that was never pushed");
        }
        int mark = _marks[^1];
        _marks.RemoveAt(_marks.Count - 1);
        if (mark == 0 || _stack[mark - 1] is not List<object?> list)
        {
            throw Invalid("it appends to something that is not a list");
        }
        list.AddRange(CollectionsMarshal.AsSpan(_stack)[(mark + 1)..]);
        _stack.RemoveRange(mark, _stack.Count - mark);
    }

    private long ReadLong1()
    {
        int size = ReadByte();
        if (size > 8)
        {
            throw Invalid($"it holds an integer of {size} bytes; at most 8 are supported");
        }
        ReadOnlySpan<byte> bytes = Take(size);
        long value = 0;
        for (int i = size - 1; i >= 0; i--)
        {
            value = (value << 8) | bytes[i];
        }
        return size is > 0 and < 8 && (bytes[^1] & 0x80) != 0 ? value - (1L << (8 * size)) : value;
    }

    private int ReadLength(int width)
    {
        long length = width == 4
            ? BinaryPrimitives.ReadInt32LittleEndian(Take(4))
            : BinaryPrimitives.ReadInt64LittleEndian(Take(8));
        return length >= 0 && length <= _data.Length - _position
            ? (int)length
            : throw Invalid($"a string of {length} bytes at offset {_position} runs past its end");
    }

    private byte ReadByte() => Take(1)[0];

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _position)
        {
            throw Invalid("it is truncated");
        }
        _position += count;
        return _data.AsSpan(_position - count, count);
    }

    private string ReadLine()
    {
        int end = Array.IndexOf(_data, (byte)'\n', _position);
        if (end < 0 || end - _position > 256)
        {
            throw Invalid($"it has an unterminated text argument at offset {_position}");
        }
        string line = Encoding.ASCII.GetString(_data, _position, end - _position);
        _position = end + 1;
        return line;
    }

    private long ParseLong(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw Invalid($"'{text}' is not an integer");

    private InvalidDataException Invalid(string why) => new($"{_name} is not a valid dataset pickle: {why}.");
}
