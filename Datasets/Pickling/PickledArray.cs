namespace Keras.Datasets.Pickling;

/// <summary>A numpy array rebuilt from <c>_reconstruct(ndarray, (0,), b'b')</c> and its <c>BUILD</c> state
/// <c>(version, shape, dtype, is_fortran, data)</c>.</summary>
internal sealed class PickledArray
{
    /// <summary>Gets the array's contents once its state was applied.</summary>
    public NpyArray? Value { get; private set; }

    /// <summary>Applies the <c>BUILD</c> state.</summary>
    /// <param name="state">The state tuple.</param>
    /// <param name="name">The file, for messages.</param>
    /// <exception cref="InvalidDataException">The state is not one numpy writes.</exception>
    public void SetState(object? state, string name)
    {
        if (Value is not null || state is not object?[] { Length: 5 } parts || parts[1] is not object?[] dims
            || parts[2] is not PickledDtype dtype || parts[3] is not bool fortran)
        {
            throw Invalid(name, "its numpy array state is not (version, shape, dtype, is_fortran, data)");
        }
        if (fortran && dims.Length > 1)
        {
            throw Invalid(name, "it holds a Fortran-ordered array; expected C order");
        }
        int[] shape = dims.Select(d => d is long n and >= 0 and <= int.MaxValue
            ? (int)n
            : throw Invalid(name, $"its array shape has the dimension {d}")).ToArray();
        long count = shape.Aggregate(1L, (product, dim) => product * dim);
        Value = (dtype.Descr, parts[4]) switch
        {
            ("|O", List<object?> items) when items.Count == count => new NpyArray(dtype.Descr, shape, null, items),
            ("|O", _) => throw Invalid(name, $"its object array of {count} items holds {Describe(parts[4])}"),
            (_, byte[] raw) => new NpyArray(dtype.Descr, shape, raw, null),
            (_, string text) => new NpyArray(dtype.Descr, shape, System.Text.Encoding.Latin1.GetBytes(text), null),
            _ => throw Invalid(name, $"its {dtype.Descr} array data is {Describe(parts[4])}; expected bytes"),
        };
        Value.CheckSize(name);
    }

    private static string Describe(object? value) => value switch
    {
        List<object?> list => $"a list of {list.Count} items",
        null => "None",
        _ => $"a {value.GetType().Name}",
    };

    private static InvalidDataException Invalid(string name, string why) => new($"{name} is not a valid dataset " +
        $"pickle: {why}.");
}
