using Keras.Layers;
using Keras.Optimizers;
using Keras.Tests.Support;

namespace Keras.Tests.Core.Layers.Preprocessing.Image;

/// <summary>The random augmentation layers' draws and training flag: identity at inference, identity for a zero factor,
/// draws within the configured ranges and directions, reproducible under <c>Utils.SetRandomSeed</c>, and a model that
/// trains with augmentation and predicts deterministically.</summary>
[Collection(SerialCollection.Name)]
public sealed class RandomAugmentationTests
{
    private static Tensor Images(long n = 6, long h = 5, long w = 7, long c = 2, int seed = 1)
    {
        Utils.SetRandomSeed(seed);
        return torch.rand(n, h, w, c);
    }

    private static bool Same(Tensor a, Tensor b) =>
        a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    public static TheoryData<string> RandomLayers => ["flip", "rotation", "zoom", "translation", "contrast", "brightness"];

    private static Layer Make(string kind, double factor) => kind switch
    {
        "flip" => new RandomFlip(),
        "rotation" => new RandomRotation(factor),
        "zoom" => new RandomZoom(factor),
        "translation" => new RandomTranslation(factor, factor),
        "contrast" => new RandomContrast(factor, valueRange: (0, 1)),
        _ => new RandomBrightness(factor, valueRange: (0, 1)),
    };

    [Theory]
    [MemberData(nameof(RandomLayers))]
    public void Inference_IsIdentity(string kind)
    {
        using var scope = torch.NewDisposeScope();
        var x = Images();
        var layer = Make(kind, 0.4);
        Assert.True(Same(layer.Call(x, training: false), x));
        // Training changes the images (with overwhelming probability for six images).
        Assert.False(Same(layer.Call(x, training: true), x));
    }

    [Fact]
    public void CalledOnItsOwn_AugmentsAsKeras3_ButInsideAModelsPredictItDoesNot()
    {
        using var scope = torch.NewDisposeScope();
        var x = Images();
        var flip = new RandomFlip();
        bool changed = Enumerable.Range(0, 8).Any(_ => !Same(flip.Call(x), x));
        Assert.True(changed, "a standalone call defaults to training=True, as Keras 3's call(inputs, training=True)");
        using var model = new Sequential(new Input([(int)x.shape[1], (int)x.shape[2], (int)x.shape[3]]),
            new RandomFlip());
        Assert.True(Same(model.Predict(x, verbose: 0), x));
    }

    [Theory]
    [MemberData(nameof(RandomLayers))]
    public void ZeroFactor_IsIdentityWhileTraining(string kind)
    {
        if (kind == "flip")
        {
            return; // RandomFlip has no factor.
        }
        using var scope = torch.NewDisposeScope();
        var x = Images();
        var y = Make(kind, 0.0).Call(x, training: true);
        Assert.True(y.allclose(x, rtol: 0, atol: 1e-6), $"{kind}: max difference {(y - x).abs().max().item<float>()}");
    }

    [Fact]
    public void RandomCrop_InferenceAndTraining()
    {
        using var scope = torch.NewDisposeScope();
        var x = Images(1, 5, 5, 1);
        var layer = new RandomCrop(3, 3);
        // Inference: the largest window with the target aspect ratio (here the whole image), resized to the target.
        Assert.True(layer.Call(x, training: false).allclose(Ops.ImageResize(x, 3, 3), atol: 1e-6));
        Assert.True(new RandomCrop(2, 4).Call(x, training: false).allclose(Ops.ImageResize(x.narrow(1, 1, 2), 2, 4), atol: 1e-6));
        // Training: every one of the 3×3 window positions occurs, and only those.
        var seen = new HashSet<(long, long)>();
        for (int i = 0; i < 120; i++)
        {
            var y = layer.Call(x, training: true);
            var match = (from top in Enumerable.Range(0, 3)
                         from left in Enumerable.Range(0, 3)
                         where Same(y, x.narrow(1, top, 3).narrow(2, left, 3))
                         select ((long)top, (long)left)).ToList();
            Assert.Single(match);
            seen.Add(match[0]);
        }
        Assert.Equal(9, seen.Count);
    }

    [Theory]
    [InlineData("horizontal")]
    [InlineData("vertical")]
    [InlineData("horizontal_and_vertical")]
    public void RandomFlip_FlipsOnlyInItsDirections(string mode)
    {
        using var scope = torch.NewDisposeScope();
        var x = Images(40, 3, 4, 1);
        var y = new RandomFlip(mode).Call(x, training: true);
        var flipped = mode switch
        {
            "horizontal" => x.flip(2),
            "vertical" => x.flip(1),
            _ => x.flip(1, 2),
        };
        int kept = 0, turned = 0;
        for (int i = 0; i < 40; i++)
        {
            bool same = Same(y[i], x[i]);
            bool flip = Same(y[i], flipped[i]);
            Assert.True(same || flip, $"{mode}: image {i} is neither the input nor its flip");
            kept += same ? 1 : 0;
            turned += flip ? 1 : 0;
        }
        Assert.InRange(turned, 8, 32);
        Assert.InRange(kept, 8, 32);
    }

    [Fact]
    public void Draws_FollowTheGlobalSeed()
    {
        using var scope = torch.NewDisposeScope();
        var x = Images();
        var layer = new RandomRotation(0.3, seed: 42);
        Utils.SetRandomSeed(5);
        var a = layer.Call(x, training: true);
        Utils.SetRandomSeed(5);
        var b = layer.Call(x, training: true);
        var c = layer.Call(x, training: true);
        Assert.True(Same(a, b));
        Assert.False(Same(a, c));
    }

    [Fact]
    public void RandomRotation_QuarterTurn_IsCounterClockwise()
    {
        using var scope = torch.NewDisposeScope();
        var x = Images(2, 5, 5, 3);
        var y = new RandomRotation((0.25, 0.25)).Call(x, training: true);
        // numpy's rot90 (counter-clockwise): out[i, j] = in[j, n - 1 - i].
        Assert.True(y.allclose(x.rot90(1, (1, 2)), atol: 1e-5));
    }

    [Fact]
    public void RandomTranslation_PositiveFactors_ShiftDownAndRight()
    {
        using var scope = torch.NewDisposeScope();
        var x = Images(2, 5, 5, 1);
        var y = new RandomTranslation((0.2, 0.2), (0.4, 0.4), fillMode: "constant", fillValue: -1).Call(x,
            training: true);
        // 1 row down, 2 columns right; the uncovered border is the fill value.
        Assert.True(y.narrow(1, 1, 4).narrow(2, 2, 3).allclose(x.narrow(1, 0, 4).narrow(2, 0, 3), atol: 1e-6));
        Assert.True(y.narrow(1, 0, 1).eq(-1).all().item<bool>());
        Assert.True(y.narrow(2, 0, 2).eq(-1).all().item<bool>());
    }

    [Fact]
    public void RandomZoom_WithoutWidthFactor_ReusesTheHeightDraw()
    {
        using var scope = torch.NewDisposeScope();
        var x = Images(4, 6, 6, 1);
        var layer = new RandomZoom((-0.4, 0.3));
        Utils.SetRandomSeed(9);
        var y = layer.Call(x, training: true);
        Utils.SetRandomSeed(9);
        var zoom = Ops.RandomUniform([4], 0.6, 1.3);
        Assert.True(zoom.ge(0.6).all().item<bool>() && zoom.le(1.3).all().item<bool>());
        Assert.True(y.allclose(layer.Zoom(x, zoom, zoom), atol: 1e-6));
        // A fixed zoom of 1.5 zooms out: the content shrinks about the center and the corners are filled.
        var outwardLayer = new RandomZoom((0.5, 0.5), fillMode: "constant");
        var outward = outwardLayer.Call(x, training: true);
        var fixedZoom = torch.full(4, 1.5f);
        Assert.True(outward.allclose(outwardLayer.Zoom(x, fixedZoom, fixedZoom), atol: 1e-6));
        Assert.True(outward.select(2, 0).select(1, 0).eq(0).all().item<bool>());
        Assert.False(Same(outward, x));
    }

    [Fact]
    public void RandomBrightness_DrawsUniformShiftsWithinRange()
    {
        using var scope = torch.NewDisposeScope();
        Utils.SetRandomSeed(3);
        var x = torch.zeros(400, 2, 2, 1);
        var y = new RandomBrightness((-0.5, 0.5), valueRange: (-1, 1)).Call(x, training: true);
        var shifts = y.select(3, 0).select(2, 0).select(1, 0);
        // One shift per image, the same at every pixel.
        Assert.True(y.eq(shifts.view(-1, 1, 1, 1)).all().item<bool>());
        Assert.InRange(shifts.min().item<float>(), -1f, -0.9f);
        Assert.InRange(shifts.max().item<float>(), 0.9f, 1f);
        Assert.InRange(shifts.mean().item<float>(), -0.1f, 0.1f);
        Assert.InRange(shifts.std().item<float>(), 0.52f, 0.63f); // 2/sqrt(12) ≈ 0.577
        // Large shifts are clipped to the value range.
        var clipped = new RandomBrightness(1.0, valueRange: (0, 1)).Call(torch.full(50, 3, 3, 1, 0.5f), training: true);
        Assert.True(clipped.ge(0).all().item<bool>() && clipped.le(1).all().item<bool>());
        Assert.True(clipped.eq(0).any().item<bool>() && clipped.eq(1).any().item<bool>());
    }

    [Fact]
    public void RandomContrast_DrawsContrastsInKeras3Range_AndClips()
    {
        using var scope = torch.NewDisposeScope();
        Utils.SetRandomSeed(4);
        // Two pixels per channel, 0.25 and 0.75: the mean is 0.5 and (y - 0.5) / 0.25 recovers the contrast.
        var x = torch.tensor(new float[] { 0.25f, 0.75f }).view(1, 1, 2, 1).expand(300, 1, 2, 1).contiguous();
        var pair = new RandomContrast((0.5, 0.5), valueRange: (-10, 10)).Call(x, training: true);
        var contrast = (pair.select(2, 1).flatten() - 0.5) / 0.25;
        Assert.InRange(contrast.min().item<float>(), 0.5f, 0.6f);
        Assert.InRange(contrast.max().item<float>(), 1.4f, 1.5f);
        Assert.InRange(contrast.mean().item<float>(), 0.93f, 1.07f);
        // Keras 3: one number f draws contrasts from [1, 1 + f] (lower bound max(-f, 0) = 0).
        var single = new RandomContrast(0.3, valueRange: (-10, 10)).Call(x, training: true);
        var up = (single.select(2, 1).flatten() - 0.5) / 0.25;
        Assert.InRange(up.min().item<float>(), 1f - 1e-5f, 1.05f);
        Assert.InRange(up.max().item<float>(), 1.25f, 1.3f + 1e-5f);
        // Outputs stay in the value range.
        var clipped = new RandomContrast((1.0, 1.0), valueRange: (0.3, 0.7)).Call(x, training: true);
        Assert.True(clipped.ge(0.3).all().item<bool>() && clipped.le(0.7).all().item<bool>());
    }

    [Fact]
    public void AffineLayers_KeepValuesWithinInputRange()
    {
        using var scope = torch.NewDisposeScope();
        var x = Images(8, 6, 6, 2);
        foreach (var layer in new Layer[]
                 {
                     new RandomRotation(0.5), new RandomZoom(0.5, 0.5, fillMode: "wrap"),
                     new RandomTranslation(0.5, 0.5, fillMode: "nearest", interpolation: "nearest"),
                 })
        {
            var y = layer.Call(x, training: true);
            Assert.True(y.ge(-1e-6).all().item<bool>() && y.le(1 + 1e-6).all().item<bool>(), layer.ClassName);
        }
    }

    [Fact]
    public void UnbatchedImages_AreAccepted()
    {
        using var scope = torch.NewDisposeScope();
        var image = Images(1, 5, 6, 3)[0];
        foreach (var layer in new Layer[]
                 {
                     new RandomFlip(), new RandomRotation(0.2), new RandomZoom(0.2), new RandomTranslation(0.2, 0.2),
                     new RandomContrast(0.2), new RandomBrightness(0.2), new RandomCrop(3, 4), new CenterCrop(3, 4),
                     new Resizing(3, 4),
                 })
        {
            var y = layer.Call(image, training: true);
            Assert.Equal(layer.ComputeOutputShape(new Shape(5, 6, 3)), new Shape(y.shape));
        }
    }

    [Fact]
    public void InModel_AugmentsWhileTraining_AndPredictsDeterministically()
    {
        Utils.SetRandomSeed(21);
        var (x, y) = TestModels.Classification(64, 48, 2);
        var images = new float[64, 4, 4, 3];
        for (int i = 0; i < 64; i++)
        {
            for (int j = 0; j < 48; j++)
            {
                images[i, j / 12, j / 3 % 4, j % 3] = x[i, j] * 255f;
            }
        }
        using var model = new Sequential(new Input([4, 4, 3]), new RandomFlip("horizontal"), new Rescaling(1.0 / 255),
            new Flatten(), new Dense(2, activation: "softmax"));
        model.Compile(optimizer: new Adam(0.01), loss: "sparse_categorical_crossentropy");
        var history = model.Fit(images, y, epochs: 8, batchSize: 16, verbose: 0);
        Assert.True(history["loss"][^1] < history["loss"][0]);
        using var first = model.Predict(images, verbose: 0);
        using var second = model.Predict(images, verbose: 0);
        Assert.True(Same(first, second));
        // Inference skips the flip: predictions equal the model without the augmentation layer.
        using var scope = torch.NewDisposeScope();
        var input = torch.tensor(images.Cast<float>().ToArray()).reshape(64, 48) / 255f;
        var dense = (Dense)model.Layers[^1];
        var expected = torch.nn.functional.softmax(input.matmul(dense.Kernel!.Value) + dense.Bias!.Value, 1);
        Assert.True(first.allclose(expected, atol: 1e-5));
    }
}
