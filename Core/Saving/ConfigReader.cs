using System.Text.Json.Nodes;
using Keras.Initializers;

namespace Keras.Saving;

/// <summary>Reads typed values out of a config object leniently (unknown keys are ignored, missing optional keys take
/// their defaults) and fails with errors that name the object and the key.</summary>
/// <remarks>Used by the built-in factories of <see cref="SerializationRegistry"/>, and handy in user factories.</remarks>
/// <example><code>
/// SerializationRegistry.Register&lt;Scale&gt;("Scale", config =&gt;
/// {
///     var reader = new ConfigReader("Scale", config);
///     return new Scale(reader.GetDouble("factor"), name: reader.Name) { Trainable = reader.Trainable };
/// });
/// </code></example>
public sealed class ConfigReader
{
    /// <summary>Creates a reader.</summary>
    /// <param name="className">The class being rebuilt, used in error messages (<c>Dense</c>).</param>
    /// <param name="config">The <c>config</c> object of the envelope.</param>
    public ConfigReader(string className, JsonObject config)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(className);
        ClassName = className;
        Config = config ?? throw new ArgumentNullException(nameof(config));
    }

    /// <summary>The class being rebuilt.</summary>
    public string ClassName { get; }

    /// <summary>The raw config.</summary>
    public JsonObject Config { get; }

    /// <summary>The <c>name</c> key; null when absent (the object then gets an automatic name).</summary>
    public string? Name => JsonValues.TryGetString(Config["name"], out string name) ? name : null;

    /// <summary>The <c>trainable</c> key. Defaults to true.</summary>
    public bool Trainable => GetBool("trainable", true);

    /// <summary>The dtype name of the <c>dtype</c> key, written as a string or a dtype-policy envelope.
    /// Defaults to <c>"float32"</c>.</summary>
    public string DType => JsonValues.DTypeName(Config["dtype"]) ?? "float32";

    /// <summary>Whether <paramref name="key"/> is present with a non-null value.</summary>
    /// <param name="key">The key.</param>
    /// <returns>True when present and not null.</returns>
    public bool Has(string key) => Config[key] is not null;

    /// <summary>A required integer.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value.</returns>
    public int GetInt(string key) =>
        JsonValues.TryGetInt(Required(key), out int value) ? value : throw Invalid(key, "an integer");

    /// <summary>An optional integer.</summary>
    /// <param name="key">The key.</param>
    /// <param name="defaultValue">The value when the key is absent or null.</param>
    /// <returns>The value.</returns>
    public int GetInt(string key, int defaultValue) => Has(key) ? GetInt(key) : defaultValue;

    /// <summary>A required number.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value.</returns>
    public double GetDouble(string key) =>
        JsonValues.TryGetDouble(Required(key), out double value) ? value : throw Invalid(key, "a number");

    /// <summary>An optional number.</summary>
    /// <param name="key">The key.</param>
    /// <param name="defaultValue">The value when the key is absent or null.</param>
    /// <returns>The value.</returns>
    public double GetDouble(string key, double defaultValue) => Has(key) ? GetDouble(key) : defaultValue;

    /// <summary>An optional boolean.</summary>
    /// <param name="key">The key.</param>
    /// <param name="defaultValue">The value when the key is absent or null.</param>
    /// <returns>The value.</returns>
    public bool GetBool(string key, bool defaultValue)
    {
        if (!Has(key))
        {
            return defaultValue;
        }
        return JsonValues.TryGetBool(Config[key], out bool value) ? value : throw Invalid(key, "true or false");
    }

    /// <summary>A required string.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value.</returns>
    public string GetString(string key) =>
        JsonValues.TryGetString(Required(key), out string value) ? value : throw Invalid(key, "a string");

    /// <summary>An optional string.</summary>
    /// <param name="key">The key.</param>
    /// <param name="defaultValue">The value when the key is absent or null.</param>
    /// <returns>The value.</returns>
    public string GetString(string key, string defaultValue) => Has(key) ? GetString(key) : defaultValue;

    /// <summary>A required shape: an array of integers where <c>null</c> marks an unknown dimension.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The shape.</returns>
    public Shape GetShape(string key) =>
        JsonValues.TryGetShape(Required(key), out Shape shape)
            ? shape
            : throw Invalid(key, "a shape (an array of non-negative integers or null)");

    /// <summary>A required array of integers (e.g. <c>target_shape</c>, which may contain -1).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The integers.</returns>
    public int[] GetIntArray(string key)
    {
        if (JsonValues.UnwrapTuple(Required(key)) is not JsonArray array)
        {
            throw Invalid(key, "an array of integers");
        }
        var values = new int[array.Count];
        for (int i = 0; i < values.Length; i++)
        {
            if (!JsonValues.TryGetInt(array[i], out values[i]))
            {
                throw Invalid(key, "an array of integers");
            }
        }
        return values;
    }

    /// <summary>An initializer written as an envelope or a name (<c>"glorot_uniform"</c>).</summary>
    /// <param name="key">The key.</param>
    /// <param name="defaultValue">Creates the value when the key is absent or null.</param>
    /// <returns>The initializer.</returns>
    public Initializer GetInitializer(string key, Func<Initializer> defaultValue)
    {
        ArgumentNullException.ThrowIfNull(defaultValue);
        return Has(key) ? KerasSerialization.DeserializeInitializer(Config[key]) : defaultValue();
    }

    /// <summary>A regularizer written as an envelope or a name (<c>"l2"</c>); absent or null gives null.</summary>
    /// <param name="key">The key (<c>kernel_regularizer</c>).</param>
    /// <returns>The regularizer, or null.</returns>
    public Regularizers.Regularizer? GetRegularizer(string key) => KerasSerialization.DeserializeRegularizer(Config[key]);

    /// <summary>A constraint written as an envelope or a name (<c>"non_neg"</c>); absent or null gives null.</summary>
    /// <param name="key">The key (<c>kernel_constraint</c>).</param>
    /// <returns>The constraint, or null.</returns>
    public Constraints.Constraint? GetConstraint(string key) => KerasSerialization.DeserializeConstraint(Config[key]);

    /// <summary>An activation written as a name or a function envelope; absent or null means <c>"linear"</c>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The activation.</returns>
    public ActivationFunction GetActivation(string key) => KerasSerialization.DeserializeActivation(Config[key]);

    /// <summary>Fails when a Keras feature Keras.Net does not implement is in use: the key must be absent, null or
    /// false.</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="NotSupportedException">The key holds another value.</exception>
    public void RejectUnsupported(string key)
    {
        var node = Config[key];
        if (node is null || (JsonValues.TryGetBool(node, out bool flag) && !flag))
        {
            return;
        }
        throw new NotSupportedException(
            $"Cannot load {Describe()}: \"{key}\": {JsonValues.Preview(node)} is not supported by Keras.Net yet.");
    }

    /// <summary>Fails unless the <c>dtype</c> key is absent or <c>float32</c> (for layers without a dtype
    /// argument).</summary>
    /// <exception cref="NotSupportedException">Another dtype is requested.</exception>
    public void RequireFloat32()
    {
        if (DType != "float32")
        {
            throw new NotSupportedException(
                $"Cannot load {Describe()}: dtype \"{DType}\" is not supported for this layer; only \"float32\" is.");
        }
    }

    /// <summary>An error about this object's config, prefixed with the object's description.</summary>
    /// <param name="message">What is wrong.</param>
    /// <returns>The exception to throw.</returns>
    public ArgumentException Error(string message) => new($"Cannot load {Describe()}: {message}", "config");

    private JsonNode Required(string key) =>
        Config[key] ?? throw Error($"its config has no \"{key}\" key (or it is null), which is required.");

    private ArgumentException Invalid(string key, string expected) =>
        Error($"\"{key}\" must be {expected}. Received: {JsonValues.Preview(Config[key])}");

    private string Describe() => Name is { } name ? $"{ClassName} \"{name}\"" : ClassName;
}
