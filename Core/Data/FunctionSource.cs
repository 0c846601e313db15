namespace Keras.Data;

/// <summary>Elements produced on demand by a user function (decode file i, render sample i, ...).</summary>
internal sealed class FunctionSource(int count, Func<int, DataBatch> element) : DatasetNode
{
    internal override int Count => count;

    internal override DataBatch Get(int index, int epoch) =>
        element(index) ?? throw new InvalidOperationException(
            $"The element function of `Dataset.FromFunction` returned null for element {index}; expected a DataBatch.");
}
