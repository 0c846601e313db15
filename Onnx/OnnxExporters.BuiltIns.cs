namespace Keras.Onnx;

public static partial class OnnxExporters
{
    /// <summary>The registration methods of the built-in exporters, one per layer family; add a family here.</summary>
    private static IEnumerable<Action> BuiltIns() =>
    [
        ReshapingExporters.Register,
        NormalizationExporters.Register,
        RegularizationExporters.Register,
        ImagePreprocessingExporters.Register,
        CoreExporters.Register,
        MergingExporters.Register,
        ActivationLayerExporters.Register,
        ConvolutionExporters.Register,
        PoolingExporters.Register,
        RecurrentExporters.Register,
        WrapperExporters.Register,
        AttentionExporters.Register,
        EmbeddingExporters.Register,
        CategoricalExporters.Register,
    ];
}
