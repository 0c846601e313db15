namespace Keras.Datasets.Pickling;

/// <summary>A numpy dtype rebuilt from <c>dtype(typestr, align, copy)</c> and its <c>BUILD</c> state.</summary>
/// <param name="TypeString">The type string without byte order, such as <c>u1</c>, <c>i8</c> or <c>O8</c>.</param>
internal sealed record PickledDtype(string TypeString)
{
    /// <summary>Gets or sets the byte order from the state tuple (<c>|</c>, <c>&lt;</c>, <c>&gt;</c> or
    /// <c>=</c>).</summary>
    public string ByteOrder { get; set; } = "|";

    /// <summary>The <c>.npy</c>-style descriptor: <c>|O</c> for objects, else byte order and type string
    /// (native <c>=</c> read as little-endian).</summary>
    public string Descr => TypeString.StartsWith('O')
        ? "|O"
        : (ByteOrder == "=" ? "<" : ByteOrder) + TypeString;
}
