using System.Text.Json.Nodes;
using Keras.Layers;

namespace Keras.Saving;

internal static partial class BuiltInClasses
{
    /// <summary>Pooling, global pooling and reshaping layers. Keras 3 writes tuples as lists (<c>"pool_size": [2,
    /// 2]</c>, <c>"cropping": [[1, 1], [2, 2]]</c>); configs written by hand or by Keras 2 may use the constructor
    /// forms (an int, or one int per axis for cropping and padding), which are read too. A null <c>data_format</c>
    /// means channels_last and null <c>strides</c> mean the pool size, as in Keras.</summary>
    static partial void RegisterPoolingAndReshapingLayers()
    {
        RegisterPooling("MaxPooling1D", "MaxPool1D", r =>
        {
            var (pool, strides) = PoolSizeAndStrides(r, 1);
            return new MaxPooling1D(pool[0], strides?[0], r.GetString("padding", "valid"),
                PoolingDataFormat(r), r.Name);
        });
        RegisterPooling("MaxPooling2D", "MaxPool2D", r =>
        {
            var (pool, strides) = PoolSizeAndStrides(r, 2);
            return new MaxPooling2D((pool[0], pool[1]), strides is null ? null : (strides[0], strides[1]),
                r.GetString("padding", "valid"), PoolingDataFormat(r), r.Name);
        });
        RegisterPooling("MaxPooling3D", "MaxPool3D", r =>
        {
            var (pool, strides) = PoolSizeAndStrides(r, 3);
            return new MaxPooling3D((pool[0], pool[1], pool[2]),
                strides is null ? null : (strides[0], strides[1], strides[2]), r.GetString("padding", "valid"),
                PoolingDataFormat(r), r.Name);
        });
        RegisterPooling("AveragePooling1D", "AvgPool1D", r =>
        {
            var (pool, strides) = PoolSizeAndStrides(r, 1);
            return new AveragePooling1D(pool[0], strides?[0], r.GetString("padding", "valid"),
                PoolingDataFormat(r), r.Name);
        });
        RegisterPooling("AveragePooling2D", "AvgPool2D", r =>
        {
            var (pool, strides) = PoolSizeAndStrides(r, 2);
            return new AveragePooling2D((pool[0], pool[1]), strides is null ? null : (strides[0], strides[1]),
                r.GetString("padding", "valid"), PoolingDataFormat(r), r.Name);
        });
        RegisterPooling("AveragePooling3D", "AvgPool3D", r =>
        {
            var (pool, strides) = PoolSizeAndStrides(r, 3);
            return new AveragePooling3D((pool[0], pool[1], pool[2]),
                strides is null ? null : (strides[0], strides[1], strides[2]), r.GetString("padding", "valid"),
                PoolingDataFormat(r), r.Name);
        });
        RegisterPooling("GlobalMaxPooling1D", "GlobalMaxPool1D",
            r => new GlobalMaxPooling1D(PoolingDataFormat(r), r.GetBool("keepdims", false), r.Name));
        RegisterPooling("GlobalMaxPooling2D", "GlobalMaxPool2D",
            r => new GlobalMaxPooling2D(PoolingDataFormat(r), r.GetBool("keepdims", false), r.Name));
        RegisterPooling("GlobalMaxPooling3D", "GlobalMaxPool3D",
            r => new GlobalMaxPooling3D(PoolingDataFormat(r), r.GetBool("keepdims", false), r.Name));
        RegisterPooling("GlobalAveragePooling1D", "GlobalAvgPool1D",
            r => new GlobalAveragePooling1D(PoolingDataFormat(r), r.GetBool("keepdims", false), r.Name));
        RegisterPooling("GlobalAveragePooling2D", "GlobalAvgPool2D",
            r => new GlobalAveragePooling2D(PoolingDataFormat(r), r.GetBool("keepdims", false), r.Name));
        RegisterPooling("GlobalAveragePooling3D", "GlobalAvgPool3D",
            r => new GlobalAveragePooling3D(PoolingDataFormat(r), r.GetBool("keepdims", false), r.Name));

        RegisterReshaping("Permute", r => new Permute(r.GetIntArray("dims"), r.Name));
        RegisterReshaping("RepeatVector", r => new RepeatVector(r.GetInt("n"), r.Name));
        RegisterReshaping("Cropping1D", r => new Cropping1D(CroppingOrPadding(r, "cropping", 1, 1)[0], r.Name));
        RegisterReshaping("Cropping2D", r =>
        {
            var c = CroppingOrPadding(r, "cropping", 2, 0);
            return new Cropping2D((c[0], c[1]), PoolingDataFormat(r), r.Name);
        });
        RegisterReshaping("Cropping3D", r =>
        {
            var c = CroppingOrPadding(r, "cropping", 3, 1);
            return new Cropping3D((c[0], c[1], c[2]), PoolingDataFormat(r), r.Name);
        });
        RegisterReshaping("ZeroPadding1D", r => new ZeroPadding1D(CroppingOrPadding(r, "padding", 1, 1)[0], r.Name));
        RegisterReshaping("ZeroPadding2D", r =>
        {
            var p = CroppingOrPadding(r, "padding", 2, 1);
            return new ZeroPadding2D((p[0], p[1]), PoolingDataFormat(r), r.Name);
        });
        RegisterReshaping("ZeroPadding3D", r =>
        {
            var p = CroppingOrPadding(r, "padding", 3, 1);
            return new ZeroPadding3D((p[0], p[1], p[2]), PoolingDataFormat(r), r.Name);
        });
        RegisterReshaping("UpSampling1D", r => new UpSampling1D(PoolingIntTuple(r, "size", 1, 2)[0], r.Name));
        RegisterReshaping("UpSampling2D", r =>
        {
            var size = PoolingIntTuple(r, "size", 2, 2);
            string interpolation = r.GetString("interpolation", "nearest");
            if (interpolation.ToLowerInvariant() is "bicubic" or "lanczos3" or "lanczos5")
            {
                throw new NotSupportedException(
                    $"Cannot load UpSampling2D{(r.Name is { } n ? $" \"{n}\"" : "")}: \"interpolation\": " +
                    $"\"{interpolation}\" is not supported by Keras.Net yet; only \"nearest\" and \"bilinear\" are.");
            }
            return new UpSampling2D((size[0], size[1]), PoolingDataFormat(r), interpolation, r.Name);
        });
        RegisterReshaping("UpSampling3D", r =>
        {
            var size = PoolingIntTuple(r, "size", 3, 2);
            return new UpSampling3D((size[0], size[1], size[2]), PoolingDataFormat(r), r.Name);
        });
    }

    private static void RegisterPooling<T>(string className, string alias, Func<ConfigReader, T> create)
        where T : Layer =>
        SerializationRegistry.RegisterBuiltIn(LayersModule, className, c =>
        {
            var r = Reader(className, c);
            return Trainable(create(r), r);
        }, aliases: alias);

    private static void RegisterReshaping<T>(string className, Func<ConfigReader, T> create) where T : Layer =>
        SerializationRegistry.RegisterBuiltIn(LayersModule, className, c =>
        {
            var r = Reader(className, c);
            return Trainable(create(r), r);
        });

    /// <summary><c>pool_size</c> (Keras 2 and 3 always write it; 2 when absent) and <c>strides</c> (null when absent or
    /// null, meaning the pool size).</summary>
    private static (int[] PoolSize, int[]? Strides) PoolSizeAndStrides(ConfigReader r, int n) =>
        (PoolingIntTuple(r, "pool_size", n, 2), r.Has("strides") ? PoolingIntTuple(r, "strides", n, 1) : null);

    /// <summary><c>data_format</c>; absent or null means channels_last (Keras' default image data format).</summary>
    private static string PoolingDataFormat(ConfigReader r) => r.GetString("data_format", "channels_last");

    /// <summary>An int or a list of <paramref name="n"/> ints (Keras' <c>standardize_tuple</c> input).</summary>
    private static int[] PoolingIntTuple(ConfigReader r, string key, int n, int defaultValue)
    {
        var node = JsonValues.UnwrapTuple(r.Config[key]);
        if (node is null)
        {
            return Enumerable.Repeat(defaultValue, n).ToArray();
        }
        if (JsonValues.TryGetInt(node, out int single))
        {
            return Enumerable.Repeat(single, n).ToArray();
        }
        var values = r.GetIntArray(key);
        return values.Length == n
            ? values
            : throw r.Error($"\"{key}\" must be an integer or a list of {n} integers. Received: " +
                            JsonValues.Preview(r.Config[key]));
    }

    /// <summary>Cropping or padding amounts, one (start, end) pair per spatial axis, from any Keras form: an int (the
    /// same everywhere), <c>[a, b]</c> (for one axis: start and end; for several axes: symmetric per axis, which needs
    /// exactly <paramref name="n"/> entries) or <c>[[a, b], [c, d], ...]</c>.</summary>
    private static (int Start, int End)[] CroppingOrPadding(ConfigReader r, string key, int n, int defaultValue)
    {
        var node = JsonValues.UnwrapTuple(r.Config[key]);
        var invalid = () => r.Error(
            $"\"{key}\" must be an integer, " + (n == 1
                ? "or a list of 2 integers"
                : $"a list of {n} integers or a list of {n} lists of 2 integers") +
            $". Received: {JsonValues.Preview(r.Config[key])}");
        if (node is null)
        {
            return Enumerable.Repeat((defaultValue, defaultValue), n).ToArray();
        }
        if (JsonValues.TryGetInt(node, out int single))
        {
            return Enumerable.Repeat((single, single), n).ToArray();
        }
        if (node is not JsonArray array)
        {
            throw invalid();
        }
        if (n == 1)
        {
            return array.Count == 2 && JsonValues.TryGetInt(array[0], out int start) &&
                   JsonValues.TryGetInt(array[1], out int end)
                ? [(start, end)]
                : throw invalid();
        }
        if (array.Count != n)
        {
            throw invalid();
        }
        var pairs = new (int Start, int End)[n];
        for (int i = 0; i < n; i++)
        {
            var entry = JsonValues.UnwrapTuple(array[i]);
            if (JsonValues.TryGetInt(entry, out int symmetric))
            {
                pairs[i] = (symmetric, symmetric);
            }
            else if (entry is JsonArray { Count: 2 } pair && JsonValues.TryGetInt(pair[0], out int a) &&
                     JsonValues.TryGetInt(pair[1], out int b))
            {
                pairs[i] = (a, b);
            }
            else
            {
                throw invalid();
            }
        }
        return pairs;
    }
}
