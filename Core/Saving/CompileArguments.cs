using System.Text.Json.Nodes;

namespace Keras.Saving;

/// <summary>What <c>Model.Compile</c> was given besides the optimizer, recorded as Keras' <c>compile_config</c> holds it:
/// losses and metrics as given (names stay strings, objects become Keras 3 envelopes), in the single, per-output list
/// or by-output-name form of the call. Taken when <c>Compile</c> runs, before multi-output metrics get their output
/// prefix.</summary>
/// <param name="Loss">The <c>loss</c> value (null, a name, an envelope, a list or an object keyed by output).</param>
/// <param name="LossWeights">The <c>loss_weights</c> value (null, a list or an object keyed by output).</param>
/// <param name="Metrics">The <c>metrics</c> value (null, a list, a list of lists or an object keyed by output).</param>
internal sealed record CompileArguments(JsonNode? Loss, JsonNode? LossWeights, JsonNode? Metrics);
