using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keras.Saving;

namespace Keras;

/// <summary>Keras' <c>keras.models</c> helpers: a model's architecture to and from JSON, and cloning.</summary>
/// <remarks>The JSON is the model's config envelope (Keras 3 form when writing; Keras 2 and Keras 3 forms when
/// reading), without weights or compile settings. Only classes known to <see cref="SerializationRegistry"/> are
/// instantiated: register custom layers before loading.</remarks>
/// <example><code>
/// string json = model.ToJson();
/// Model architecture = Models.ModelFromJson(json);   // same layers and graph, fresh weights
/// Model twin = Models.CloneModel(model);             // the same, without the JSON text
/// </code></example>
public static class Models
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions Indented = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    /// <summary>The model's architecture as JSON (Keras' <c>model.to_json()</c>).</summary>
    /// <param name="model">The model.</param>
    /// <param name="indented">Indent the JSON for reading. Defaults to false (one line).</param>
    /// <returns>The JSON text of the model's config envelope.</returns>
    public static string ToJson(this Model model, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        return KerasSerialization.SerializeLayer(model).ToJsonString(indented ? Indented : Compact);
    }

    /// <summary>Rebuilds a model from its JSON architecture (Keras' <c>keras.models.model_from_json</c>), written by
    /// Keras 3 (<c>model.to_json()</c>, <c>config.json</c>) or Keras 2 (<c>to_json()</c>, an <c>.h5</c>'s
    /// <c>model_config</c>).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model, uncompiled, with fresh weights.</returns>
    /// <exception cref="ArgumentException">The text is not JSON, or not a model config.</exception>
    /// <exception cref="KeyNotFoundException">A class in the config is not registered.</exception>
    /// <exception cref="NotSupportedException">The config uses a Keras feature Keras.Net does not implement.</exception>
    public static Model ModelFromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The model JSON could not be parsed: {e.Message}", nameof(json), e);
        }
        if (root is not JsonObject)
        {
            throw new ArgumentException(
                $"The model JSON must be an object with \"class_name\" and \"config\". Received: {Preview(json)}",
                nameof(json));
        }
        return KerasSerialization.Deserialize<Model>(root);
    }

    /// <summary>A new model with the same architecture and fresh weights (Keras' <c>keras.models.clone_model</c>):
    /// every layer is rebuilt from its config, input layers included, and shared layers stay shared.</summary>
    /// <param name="model">A <c>Sequential</c> or <see cref="Functional"/> model, or a registered model class.</param>
    /// <returns>The clone, with the same layer and model names, uncompiled.</returns>
    public static Model CloneModel(Model model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return KerasSerialization.Deserialize<Model>(KerasSerialization.SerializeLayer(model));
    }

    /// <summary>Loads a model saved with <c>Model.Save</c> or by Keras (Keras' <c>keras.models.load_model</c>):
    /// architecture, weights and, when <paramref name="compile"/> is true and the file has them, the compile settings
    /// and optimizer state.</summary>
    /// <param name="path">A Keras 3 archive (<c>.keras</c>) written by Keras.Net or Keras 3, or a legacy Keras 2 HDF5
    /// file (<c>.h5</c>/<c>.hdf5</c>) written by Keras.Net, tf-keras, Keras 2 or Keras 3's legacy writer, or a
    /// TensorFlow.js layers <c>model.json</c> (its weight shards beside it; loaded uncompiled).</param>
    /// <param name="compile">Compile the model from the file's compile settings and restore the optimizer state, so
    /// <c>Fit</c> continues where training stopped. Defaults to true. A file without compile settings loads
    /// uncompiled, with a warning.</param>
    /// <returns>The model.</returns>
    /// <remarks>Only classes known to <see cref="SerializationRegistry"/> are instantiated, and nothing in the file is
    /// executed: register custom layers before loading. An optimizer state that does not fit the optimizer is skipped
    /// with a warning, as in Keras.</remarks>
    /// <exception cref="ArgumentException">The suffix names no supported format.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="KerasFileException">The file is corrupt, names unknown classes, uses a Keras feature Keras.Net
    /// does not implement (the inner exception is then a <see cref="NotSupportedException"/>), or its weights do not
    /// fit the architecture.</exception>
    /// <exception cref="NotSupportedException">A tfjs <c>model.json</c> holds quantized weights.</exception>
    /// <example><code>
    /// Model model = Models.LoadModel("model.h5");
    /// model.Fit(x, y, epochs: 2);   // continues with the saved optimizer state
    /// </code></example>
    public static Model LoadModel(string path, bool compile = true) =>
        LoadModel(path, compile, SavingWarnings.ToConsole);

    /// <summary><see cref="LoadModel(string, bool)"/> with the warnings sent to <paramref name="warn"/>.</summary>
    internal static Model LoadModel(string path, bool compile, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (SavePaths.IsKerasArchive(path))
        {
            return Keras.Saving.KerasV3.KerasArchive.Load(path, compile, warn);
        }
        if (SavePaths.IsTfjsModel(path))
        {
            return Keras.Saving.Tfjs.TfjsModelReader.Load(path);
        }
        if (!SavePaths.IsLegacyH5(path))
        {
            throw new ArgumentException(
                $"File format not supported: filepath={path}. Expected {SavePaths.ModelSuffixes}, or \".json\" " +
                "(TensorFlow.js layers model.json).", nameof(path));
        }
        return Keras.Saving.Legacy.LegacyModelLoader.Load(path, compile, warn);
    }

    private static string Preview(string json) => json.Length <= 100 ? json : json[..97] + "...";
}
