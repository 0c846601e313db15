using Keras.Layers;

namespace Keras.Onnx;

/// <summary>Keras recurrent cell weights in the layouts of ONNX's <c>RNN</c>, <c>LSTM</c> and <c>GRU</c> operators:
/// <c>W (1, gates·units, features)</c>, <c>R (1, gates·units, units)</c>, <c>B (1, 2·gates·units)</c> (input
/// biases, then recurrent biases).</summary>
/// <remarks>Keras orders LSTM gates i, f, c, o and ONNX i, o, f, c; GRU gates are z, r, h in both.</remarks>
internal sealed record RecurrentWeights(Tensor W, Tensor R, Tensor? B)
{
    private static readonly long[] LstmGateOrder = [0, 3, 1, 2];

    /// <summary>The cell's weights as fresh tensors (in the caller's dispose scope).</summary>
    internal static RecurrentWeights For(RNNCell cell, int gates)
    {
        var kernel = cell.Kernel!.Value.detach();
        var recurrent = cell.RecurrentKernel!.Value.detach();
        long[]? order = cell is LSTMCell ? LstmGateOrder : null;
        var w = Gates(kernel, gates, order).t().unsqueeze(0).contiguous();
        var r = Gates(recurrent, gates, order).t().unsqueeze(0).contiguous();
        if (cell.Bias is not { } biasVariable)
        {
            return new RecurrentWeights(w, r, null);
        }
        var bias = biasVariable.Value.detach();
        Tensor inputBias, recurrentBias;
        if (bias.dim() == 2)
        {
            // GRU with reset_after: row 0 is the input bias, row 1 the recurrent bias.
            (inputBias, recurrentBias) = (bias[0], bias[1]);
        }
        else
        {
            (inputBias, recurrentBias) = (bias, torch.zeros_like(bias));
        }
        inputBias = Gates(inputBias.unsqueeze(0), gates, order).squeeze(0);
        recurrentBias = Gates(recurrentBias.unsqueeze(0), gates, order).squeeze(0);
        return new RecurrentWeights(w, r, torch.cat([inputBias, recurrentBias]).unsqueeze(0).contiguous());
    }

    // Reorders the gate blocks along the last axis (units each); no reordering without an order.
    private static Tensor Gates(Tensor matrix, int gates, long[]? order)
    {
        if (order is null)
        {
            return matrix;
        }
        var blocks = matrix.chunk(gates, -1);
        return torch.cat(order.Select(g => blocks[g]).ToArray(), -1);
    }
}
