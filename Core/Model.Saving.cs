using Keras.Saving;
using Keras.Saving.KerasV3;
using Keras.Saving.Legacy;

namespace Keras;

public abstract partial class Model
{
    /// <summary>Saves the model (architecture, weights, compile settings and optimizer state) to one file
    /// (Keras' <c>model.save</c>); the format follows the suffix.</summary>
    /// <param name="path">The file: <c>.keras</c> writes Keras 3's zip archive (<c>config.json</c>,
    /// <c>model.weights.h5</c>, <c>metadata.json</c>); <c>.h5</c> or <c>.hdf5</c> writes the legacy Keras 2 HDF5
    /// format, which tf-keras, Keras 3 and TensorFlow.js read.</param>
    /// <param name="overwrite">Replace an existing file. Defaults to true.</param>
    /// <param name="includeOptimizer">Also save the compile settings (<c>training_config</c>) and the optimizer state,
    /// so that training can resume where it stopped. Defaults to true. A <c>.keras</c> archive always includes them,
    /// as in Keras 3.</param>
    /// <remarks>The file is written to a temporary file next to it and moved into place at the end, so a failure never
    /// leaves a partial file, and an existing file stays as it was. Reload with <c>Models.LoadModel</c>.</remarks>
    /// <exception cref="ArgumentException">The suffix names no supported format.</exception>
    /// <exception cref="IOException">The file exists and <paramref name="overwrite"/> is false.</exception>
    /// <example><code>
    /// model.Compile(optimizer: "adam", loss: "mse");
    /// model.Fit(x, y, epochs: 5);
    /// model.Save("model.h5");
    /// Model restored = Models.LoadModel("model.h5");
    /// </code></example>
    public void Save(string path, bool overwrite = true, bool includeOptimizer = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (SavePaths.IsKerasArchive(path))
        {
            if (!includeOptimizer)
            {
                throw new ArgumentException(
                    "The native Keras format (.keras) always saves the optimizer; `includeOptimizer: false` is only " +
                    $"supported for the legacy .h5 format. Received: filepath={path}", nameof(includeOptimizer));
            }
            CheckOverwrite(path, overwrite);
            KerasArchive.Save(this, path);
            return;
        }
        if (!SavePaths.IsLegacyH5(path))
        {
            throw new ArgumentException(
                $"Invalid filepath extension for saving. Please add a {SavePaths.ModelSuffixes} extension to the " +
                $"filepath. Received: filepath={path}", nameof(path));
        }
        CheckOverwrite(path, overwrite);
        LegacyH5Writer.SaveModel(this, path, includeOptimizer);
    }

    /// <summary>Saves the weights only (Keras' <c>model.save_weights</c>).</summary>
    /// <param name="path">The file: <c>.weights.h5</c> writes Keras 3's weights file (the <c>model.weights.h5</c> of a
    /// <c>.keras</c> archive, optimizer state included); any other <c>.h5</c> or <c>.hdf5</c> writes Keras 2's
    /// weights-only HDF5 layout (one group per layer, weights in Keras' legacy order).</param>
    /// <param name="overwrite">Replace an existing file. Defaults to true.</param>
    /// <remarks>Written atomically, like <see cref="Save"/>. Read back with <see cref="LoadWeights(string, bool, bool)"/>.</remarks>
    /// <exception cref="ArgumentException">The suffix names no supported weights format.</exception>
    /// <exception cref="IOException">The file exists and <paramref name="overwrite"/> is false.</exception>
    /// <example><code>
    /// model.SaveWeights("checkpoint.h5");
    /// twin.LoadWeights("checkpoint.h5");
    /// </code></example>
    public void SaveWeights(string path, bool overwrite = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (SavePaths.IsKerasWeights(path))
        {
            CheckOverwrite(path, overwrite);
            KerasWeightsFile.Save(this, path);
            return;
        }
        if (!SavePaths.IsLegacyH5(path))
        {
            throw new ArgumentException(
                $"Invalid filepath extension for saving weights. Please add a {SavePaths.WeightsSuffixes} extension to " +
                $"the filepath. Received: filepath={path}", nameof(path));
        }
        CheckOverwrite(path, overwrite);
        LegacyH5Writer.SaveWeights(this, path);
    }

    /// <summary>Loads weights saved by <see cref="SaveWeights"/>, by <see cref="Save"/>, or by Keras (Keras'
    /// <c>model.load_weights</c>).</summary>
    /// <param name="path">A Keras 3 weights file (<c>.weights.h5</c>) or archive (<c>.keras</c>, its
    /// <c>model.weights.h5</c> is used), matched to the model by Keras 3's object paths (<c>layers/dense_1</c>); or a
    /// legacy Keras 2 HDF5 file (<c>.h5</c>/<c>.hdf5</c>): weights only, or a full model (its <c>model_weights</c> are
    /// used).</param>
    /// <param name="byName">Match saved layers to this model's layers by name instead of by position; layers missing
    /// on either side are left alone, so weights load into a model whose top differs. Defaults to false. Legacy
    /// <c>.h5</c> files only, as in Keras.</param>
    /// <param name="skipMismatch">Skip, with a warning on the error output, a layer whose weight count differs (by
    /// name) or a weight whose shape differs, instead of failing. Defaults to false.</param>
    /// <remarks>Positional loading pairs the model's layers that have weights with the file's layers that have weights,
    /// in order, as Keras does. Nothing is assigned unless every weight to load was read and fits: a failed load
    /// leaves the model unchanged.</remarks>
    /// <exception cref="ArgumentException">The suffix names no supported weights format.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="KerasFileException">The file cannot be read or does not fit the model; the message names the
    /// layer and weight.</exception>
    /// <example><code>
    /// var features = new Sequential([Input([28, 28, 1]), base1, base2, new Dense(5, name: "new_head")]);
    /// features.LoadWeights("pretrained.h5", byName: true);
    /// </code></example>
    public void LoadWeights(string path, bool byName = false, bool skipMismatch = false) =>
        LoadWeights(path, byName, skipMismatch, SavingWarnings.ToConsole);

    /// <summary><see cref="LoadWeights(string, bool, bool)"/> with the warnings sent to <paramref name="warn"/>.</summary>
    internal void LoadWeights(string path, bool byName, bool skipMismatch, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (SavePaths.IsKerasWeights(path) || SavePaths.IsKerasArchive(path))
        {
            if (byName)
            {
                throw new ArgumentException(
                    "Loading by name is only supported for legacy .h5 weights files; Keras 3 files (.weights.h5, " +
                    $".keras) match weights by their object paths. Received: filepath={path}", nameof(byName));
            }
            foreach (var warning in KerasWeightsFile.Load(this, path, skipMismatch))
            {
                warn(warning);
            }
            return;
        }
        if (!SavePaths.IsLegacyH5(path))
        {
            throw new ArgumentException(
                $"Invalid filepath extension for loading weights. Expected {SavePaths.WeightsSuffixes}. " +
                $"Received: filepath={path}", nameof(path));
        }
        LegacyWeightsLoader.LoadFile(this, path, byName, skipMismatch, warn);
    }

    private static void CheckOverwrite(string path, bool overwrite)
    {
        if (!overwrite && File.Exists(path))
        {
            throw new IOException($"The file \"{path}\" already exists and overwrite is false.");
        }
    }
}
