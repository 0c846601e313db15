using System.Text.Json.Nodes;

namespace Keras.Saving;

/// <summary>One class known to <see cref="SerializationRegistry"/>: how it is named in configs and how it is
/// rebuilt.</summary>
internal sealed class RegistryEntry
{
    internal RegistryEntry(string className, string? module, string? registeredName, Type type,
        Func<JsonObject, object> fromConfig, Func<object, bool, JsonObject>? toConfig,
        Func<object, JsonObject?>? buildConfig)
    {
        ClassName = className;
        Module = module;
        RegisteredName = registeredName;
        Type = type;
        FromConfig = fromConfig;
        ToConfig = toConfig;
        BuildConfig = buildConfig;
    }

    /// <summary>The <c>class_name</c> written in configs (<c>Dense</c>).</summary>
    internal string ClassName { get; }

    /// <summary>The <c>module</c> written in Keras 3 envelopes (<c>keras.layers</c>); null for user classes.</summary>
    internal string? Module { get; }

    /// <summary>The <c>registered_name</c>: null for public Keras classes, <c>package&gt;Name</c> for user
    /// classes.</summary>
    internal string? RegisteredName { get; }

    /// <summary>The .NET type.</summary>
    internal Type Type { get; }

    /// <summary>Rebuilds an instance from its config.</summary>
    internal Func<JsonObject, object> FromConfig { get; }

    /// <summary>Writes the config (legacy flag second) when <c>GetConfig()</c> alone is not enough (models).</summary>
    internal Func<object, bool, JsonObject>? ToConfig { get; }

    /// <summary>Writes the <c>build_config</c> when it differs from the layer default (functional models).</summary>
    internal Func<object, JsonObject?>? BuildConfig { get; }

    /// <summary>Whether this is a user class registered with <see cref="SerializationRegistry.Register{T}"/>.</summary>
    internal bool IsCustom => Module is null && RegisteredName is not null;
}
