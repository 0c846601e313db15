namespace Keras;

public static partial class Ops
{
    /// <summary><c>input + a @ b</c> in one libtorch kernel (<c>addmm</c>): the recurrent projection of an RNN step.</summary>
    /// <param name="input">The term added to the product, shape <c>(batch, n)</c> or <c>(n)</c>.</param>
    /// <param name="a">The left factor, shape <c>(batch, k)</c>.</param>
    /// <param name="b">The right factor, shape <c>(k, n)</c>.</param>
    /// <returns>A new tensor of shape <c>(batch, n)</c>.</returns>
    internal static Tensor RecurrentAddmm(Tensor input, Tensor a, Tensor b) => torch.addmm(input, a, b, 1, 1);
}
