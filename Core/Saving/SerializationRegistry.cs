using System.Text.Json.Nodes;

namespace Keras.Saving;

/// <summary>The classes a config may name, each with the factory that rebuilds it (Keras'
/// <c>register_keras_serializable</c> and its table of built-in objects).</summary>
/// <remarks>
/// Loading a config only ever instantiates classes found here: the built-in layers, initializers and model kinds, plus
/// the user classes registered with <see cref="Register{T}"/>. Names read from a file are never turned into .NET types
/// by reflection. A config names a built-in class by its <c>class_name</c> (with Keras 2 and Keras 3 aliases, e.g.
/// <c>Model</c> for <c>Functional</c>) and a user class by its <c>registered_name</c> <c>package&gt;ClassName</c>.
/// </remarks>
/// <example><code>
/// SerializationRegistry.Register&lt;Scale&gt;("Scale", config =&gt; new Scale(config["factor"]!.GetValue&lt;double&gt;()));
/// string json = model.ToJson();                 // the layer is written with "registered_name": "Custom&gt;Scale"
/// Model restored = Models.ModelFromJson(json);  // and rebuilt by the factory above
/// </code></example>
public static class SerializationRegistry
{
    /// <summary>The default package of <see cref="Register{T}"/>, as Keras' <c>register_keras_serializable</c>.</summary>
    public const string DefaultPackage = "Custom";

    // The assemblies that register the model kinds (Sequential, Functional) from their module initializers. They are
    // loaded by these fixed names when a config is read before any of their types was touched; nothing read from a
    // file ever selects an assembly or a type.
    private static readonly string[] ModelAssemblies = ["Keras.Net.Sequential", "Keras.Net.Functional"];

    private static readonly Lock Gate = new();
    private static readonly Lock LoadGate = new();
    private static readonly Dictionary<string, List<RegistryEntry>> ByName = new(StringComparer.Ordinal);
    private static readonly Dictionary<Type, RegistryEntry> ByType = [];
    private static bool _modelAssembliesLoaded;

    static SerializationRegistry() => BuiltInClasses.RegisterAll();

    /// <summary>Every name a config may use: built-in class names and aliases, then registered user names.</summary>
    public static IReadOnlyList<string> Names
    {
        get
        {
            EnsureModelAssemblies();
            lock (Gate)
            {
                return ByName.Keys.Order(StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Registers a user class so configs naming it can be loaded (Keras'
    /// <c>register_keras_serializable</c>).</summary>
    /// <typeparam name="T">The class: a layer, model, initializer, or an <see cref="ActivationFunction"/>.</typeparam>
    /// <param name="className">The class name written in configs; usually the C# type name.</param>
    /// <param name="fromConfig">Rebuilds an instance from the <c>config</c> object its <c>GetConfig()</c> wrote.</param>
    /// <param name="package">The package part of the registered name. Defaults to <c>"Custom"</c>.</param>
    /// <returns>The registered name, <c>package&gt;className</c> (<c>"Custom&gt;Scale"</c>).</returns>
    /// <exception cref="ArgumentException">A name is empty or contains <c>&gt;</c>, or the registered name already
    /// belongs to another type.</exception>
    /// <remarks>Registering the same type under the same name again does nothing. Instances of <typeparamref name="T"/>
    /// are then written with <c>"class_name": className</c>, <c>"registered_name": "package&gt;className"</c> and
    /// <c>"module": null</c>.</remarks>
    public static string Register<T>(string className, Func<JsonObject, T> fromConfig, string package = DefaultPackage)
        where T : class
    {
        ValidateName(className, nameof(className));
        ValidateName(package, nameof(package));
        ArgumentNullException.ThrowIfNull(fromConfig);
        string registeredName = $"{package}>{className}";
        var entry = new RegistryEntry(className, null, registeredName, typeof(T), c => fromConfig(c), null, null);
        lock (Gate)
        {
            if (ByName.TryGetValue(registeredName, out var existing))
            {
                if (existing.Count == 1 && existing[0].Type == typeof(T))
                {
                    return registeredName;
                }
                throw new ArgumentException(
                    $"{registeredName} has already been registered to {existing[0].Type.FullName}.", nameof(className));
            }
            if (ByType.TryGetValue(typeof(T), out var builtIn) && !builtIn.IsCustom)
            {
                throw new ArgumentException(
                    $"{typeof(T).FullName} is a built-in class, serialized as \"{builtIn.ClassName}\"; it cannot be " +
                    "registered again. Register a subclass instead.", nameof(className));
            }
            ByName[registeredName] = [entry];
            if (typeof(T) != typeof(ActivationFunction))
            {
                // Activations are written by name, so one type stands for all of them; only the name is registered.
                ByType[typeof(T)] = entry;
            }
        }
        return registeredName;
    }

    /// <summary>Whether a config may name <paramref name="name"/> (a class name, an alias or a registered name).</summary>
    /// <param name="name">The name.</param>
    /// <returns>True when known.</returns>
    public static bool IsRegistered(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        EnsureModelAssemblies();
        lock (Gate)
        {
            return ByName.ContainsKey(name);
        }
    }

    /// <summary>The name a type is serialized under, as Keras' <c>get_registered_name</c>: <c>package&gt;Name</c> for
    /// registered user classes, else the class name.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The name.</returns>
    public static string GetRegisteredName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var entry = Find(type);
        return entry is { IsCustom: true } ? entry.RegisteredName! : entry?.ClassName ?? type.Name;
    }

    /// <summary>Registers a built-in class (used by Core and by the Sequential and Functional assemblies).</summary>
    internal static void RegisterBuiltIn<T>(string module, string className, Func<JsonObject, T> fromConfig,
        string? registeredName = null, Func<T, bool, JsonObject>? toConfig = null,
        Func<T, JsonObject?>? buildConfig = null, params string[] aliases)
        where T : class
    {
        var entry = new RegistryEntry(className, module, registeredName, typeof(T), c => fromConfig(c),
            toConfig is null ? null : (o, legacy) => toConfig((T)o, legacy),
            buildConfig is null ? null : o => buildConfig((T)o));
        lock (Gate)
        {
            ByType[typeof(T)] = entry;
            foreach (var name in aliases.Prepend(className))
            {
                if (!ByName.TryGetValue(name, out var list))
                {
                    ByName[name] = list = [];
                }
                list.RemoveAll(e => e.Type == typeof(T));
                list.Add(entry);
            }
        }
    }

    /// <summary>The entry for a .NET type, or null when it is not registered.</summary>
    internal static RegistryEntry? Find(Type type)
    {
        lock (Gate)
        {
            return ByType.GetValueOrDefault(type);
        }
    }

    /// <summary>Finds the class a config names, as Keras' <c>_retrieve_class_or_fn</c>: the registered name first, then
    /// the class name (also with a <c>package&gt;</c> prefix removed), among classes assignable to
    /// <paramref name="expected"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such class; the message says how to register one.</exception>
    internal static RegistryEntry Resolve(string className, string? registeredName, Type expected, string kind)
    {
        EnsureModelAssemblies();
        lock (Gate)
        {
            var candidates = new List<string>();
            if (!string.IsNullOrEmpty(registeredName))
            {
                candidates.Add(registeredName);
            }
            candidates.Add(className);
            int separator = className.LastIndexOf('>');
            if (separator >= 0 && separator < className.Length - 1)
            {
                candidates.Add(className[(separator + 1)..]);
            }
            foreach (var name in candidates)
            {
                if (ByName.TryGetValue(name, out var entries) &&
                    entries.FirstOrDefault(e => expected.IsAssignableFrom(e.Type)) is { } entry)
                {
                    return entry;
                }
            }
            // Old Keras 2 files name user classes without their package ("MyLayer" rather than "Custom>MyLayer").
            var byClassName = ByName.Values
                .Select(list => list[0])
                .Where(e => e.IsCustom && e.ClassName == className && expected.IsAssignableFrom(e.Type))
                .ToList();
            if (byClassName.Count == 1)
            {
                return byClassName[0];
            }
            var known = ByName
                .Where(kv => kv.Value.Any(e => expected.IsAssignableFrom(e.Type)) &&
                             (kv.Value[0].IsCustom || kv.Key == kv.Value[0].ClassName))
                .Select(kv => kv.Key)
                .Order(StringComparer.Ordinal);
            string registered = string.IsNullOrEmpty(registeredName) || registeredName == className
                ? ""
                : $" (registered name '{registeredName}')";
            throw new KeyNotFoundException(
                $"Could not locate {kind} class '{className}'{registered}. Known {kind} classes: " +
                $"{string.Join(", ", known)}. A custom class must be registered before loading, e.g. " +
                $"`SerializationRegistry.Register<{SafeIdentifier(className)}>(\"{className}\", config => new ...)`, " +
                "and is then found by its registered name \"Custom>" + className + "\".");
        }
    }

    private static void EnsureModelAssemblies()
    {
        if (Volatile.Read(ref _modelAssembliesLoaded))
        {
            return;
        }
        lock (LoadGate)
        {
            if (_modelAssembliesLoaded)
            {
                return;
            }
            KnownAssemblies.LoadDeployed(ModelAssemblies);
            Volatile.Write(ref _modelAssembliesLoaded, true);
        }
    }

    private static void ValidateName(string name, string argument)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains('>'))
        {
            throw new ArgumentException(
                $"`{argument}` must be a non-empty name without '>'. Received: {argument}=\"{name}\"", argument);
        }
    }

    private static string SafeIdentifier(string className) =>
        className.All(c => char.IsLetterOrDigit(c) || c == '_') ? className : "MyClass";
}
