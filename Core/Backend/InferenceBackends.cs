namespace Keras.Backend;

/// <summary>The registry of inference backends that <c>Predict(x, backend: name)</c> chooses from.</summary>
/// <remarks>
/// <para><c>"torch"</c> is always registered. <c>"onnxruntime"</c> registers itself when the <c>Keras.Net.Onnx</c>
/// assembly loads; asking for a name that is not registered loads that assembly (a fixed name, never one taken from
/// user data) once and looks again, so users never touch an ONNX type to select it.</para>
/// <para>Each factory runs once; the backend it returns is shared by every model and thread.</para>
/// </remarks>
/// <example><code>
/// InferenceBackends.Register("mine", () =&gt; new MyBackend());
/// Console.WriteLine(string.Join(", ", InferenceBackends.Names));   // mine, onnxruntime, torch
/// </code></example>
public static class InferenceBackends
{
    // Assemblies that register backends from their module initializer; loaded on demand by fixed name.
    private static readonly string[] PluginAssemblies = ["Keras.Net.Onnx"];

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Lazy<InferenceBackend>> ByName = new(StringComparer.Ordinal)
    {
        [TorchInferenceBackend.BackendName] = new(() => new TorchInferenceBackend()),
    };

    private static bool _pluginsLoaded;

    /// <summary>The registered names, sorted (after loading the plugin assemblies that are deployed).</summary>
    public static IReadOnlyList<string> Names
    {
        get
        {
            EnsurePluginAssemblies();
            lock (Gate)
            {
                return ByName.Keys.Order(StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Registers a backend under a name.</summary>
    /// <param name="name">The name <c>Predict</c>'s <c>backend</c> argument uses (<c>"onnxruntime"</c>).</param>
    /// <param name="factory">Creates the backend the first time it is asked for.</param>
    /// <exception cref="ArgumentException">The name is empty or already registered.</exception>
    public static void Register(string name, Func<InferenceBackend> factory)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("An inference backend name cannot be empty.", nameof(name));
        }
        ArgumentNullException.ThrowIfNull(factory);
        lock (Gate)
        {
            if (!ByName.TryAdd(name, new Lazy<InferenceBackend>(factory)))
            {
                throw new ArgumentException(
                    $"An inference backend named \"{name}\" is already registered. Choose another name.",
                    nameof(name));
            }
        }
    }

    /// <summary>Finds a backend by name.</summary>
    /// <param name="name">The name; null means <c>"torch"</c>.</param>
    /// <returns>The shared backend instance.</returns>
    /// <exception cref="ArgumentException">No backend has that name; the message lists the registered
    /// names.</exception>
    public static InferenceBackend Get(string? name)
    {
        name ??= TorchInferenceBackend.BackendName;
        if (TryFind(name) is { } found)
        {
            return found.Value;
        }
        EnsurePluginAssemblies();
        return TryFind(name)?.Value ?? throw new ArgumentException(
            $"Unknown inference backend: \"{name}\". Registered backends are: [{string.Join(", ", Names)}].",
            nameof(name));
    }

    private static Lazy<InferenceBackend>? TryFind(string name)
    {
        lock (Gate)
        {
            return ByName.GetValueOrDefault(name);
        }
    }

    private static void EnsurePluginAssemblies()
    {
        if (Volatile.Read(ref _pluginsLoaded))
        {
            return;
        }
        KnownAssemblies.LoadDeployed(PluginAssemblies);
        Volatile.Write(ref _pluginsLoaded, true);
    }
}
