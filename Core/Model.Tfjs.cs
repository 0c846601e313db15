using Keras.Saving.Tfjs;

namespace Keras;

public abstract partial class Model
{
    /// <summary>Saves the model in the TensorFlow.js layers format, as tfjs' <c>model.save("file://dir")</c> and
    /// <c>tensorflowjs_converter --output_format tfjs_layers_model</c> do: <c>model.json</c> (the Keras 2 topology
    /// and the weights manifest) and one weight shard, <c>group1-shard1of1.bin</c>.</summary>
    /// <param name="directory">The folder to write into; created if missing, files in it replaced.</param>
    /// <remarks>Load it back with <c>Models.LoadModel("dir/model.json")</c> or in JavaScript with
    /// <c>tf.loadLayersModel</c>. The compile settings are not saved.</remarks>
    /// <exception cref="InvalidOperationException">The model is not built.</exception>
    /// <example><code>
    /// model.SaveTfjs("web_model");
    /// Model again = Models.LoadModel("web_model/model.json");
    /// </code></example>
    public void SaveTfjs(string directory) => TfjsModelWriter.Save(this, directory);
}
