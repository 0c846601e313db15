using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Keras.Layers;

namespace Keras.Tests.Core.Layers.Preprocessing.Categorical;

/// <summary>FarmHash Fingerprint64 and SipHash-2-4 against published vectors (FarmHash's own self-test table, the
/// SipHash paper's vectors) and against independent implementations (Tests/Golden/TextPreprocessing/hash_vectors.mjs);
/// then the Hashing layer's bins on integers, which Keras hashes through their decimal text.</summary>
public sealed class HashFunctionTests
{
    private const string Fixture = "../../../../Golden/TextPreprocessing/hash_vectors.json";

    // farmhash.cc, farmhashnaTest: expected[] holds six uint32 per case i (offset i*i, length i); the last two are
    // farmhashna::Hash64's high and low words. These are those pairs for cases 0..163.
    private static readonly uint[] FarmHashSelfTest =
    [
        2598464059u, 797982799u, 1410420968u, 2134990486u, 255297188u, 2992121793u, 4019337850u, 452431531u,
        299850021u, 2532580744u, 2199864459u, 3696623795u, 1053458494u, 1882212500u, 458884671u, 3033004529u,
        2700149065u, 2699376854u, 4220361840u, 1712034059u, 594028478u, 2921867846u, 3280331829u, 326029180u,
        3824583307u, 1612122221u, 2233466664u, 1432476832u, 1628777059u, 1499109081u, 1145519619u, 3190844552u,
        65721842u, 489963606u, 1790705123u, 2128624475u, 155445229u, 1672724608u, 3610042449u, 1911523866u,
        1099072299u, 1389770549u, 3603803785u, 629449419u, 1552847036u, 645684964u, 3151491850u, 3272648435u,
        916494250u, 1230085527u, 231181488u, 851743255u, 1142264800u, 3667013118u, 732137533u, 1909203251u,
        4072067757u, 4165088768u, 956300927u, 914413116u, 3074915312u, 3117299654u, 1438494951u, 507436733u,
        126024219u, 146044391u, 165589978u, 1578546616u, 249776086u, 1207522198u, 46987739u, 1157614300u,
        3614377032u, 586863115u, 1164298657u, 4140791139u, 3725511003u, 232064808u, 512845449u, 3748861010u,
        22638523u, 648000590u, 1024246061u, 4027776454u, 411505255u, 1973395102u, 3474970689u, 1029055034u,
        589567754u, 325737734u, 257578986u, 3698087965u, 2305332220u, 191910725u, 3315355162u, 2135941665u,
        23075771u, 3252374102u, 663013031u, 3444053918u, 2115441882u, 4081398201u, 1379288194u, 4225182569u,
        3667516477u, 1709989541u, 2725013602u, 3639843023u, 2470483982u, 877580602u, 3981838403u, 3762572073u,
        1129162571u, 732225574u, 3232041815u, 1652884780u, 2227121257u, 1426140634u, 1386256573u, 24035717u,
        1598686658u, 3146815575u, 739944537u, 579625482u, 3903349120u, 389846205u, 2834153464u, 1481069623u,
        3740748788u, 3388062747u, 1020177209u, 734239551u, 2610427744u, 49703572u, 1416453607u, 2815915291u,
        937074653u, 3035635454u, 3711259084u, 2627383582u, 3669691805u, 263366740u, 3565059103u, 1190977418u,
        2747519432u, 4129538640u, 2271095827u, 2993032712u, 795918276u, 1116991810u, 937372240u, 1343017609u,
        1166522068u, 1623631848u, 2721658101u, 1937681565u, 114616703u, 954762543u, 1756889687u, 2936126607u,
        2483004780u, 1927385370u, 1672737098u, 2148675559u, 2636210123u, 1338083267u, 1335160250u, 2084630531u,
        2746885618u, 636616055u, 2076016059u, 408721884u, 2301682622u, 2691859523u, 2614088922u, 1975527044u,
        3529473373u, 1490330107u, 4271796078u, 1910401882u, 3738454258u, 2554452696u, 2237827073u, 2803250686u,
        1996680960u, 839529273u, 3544595875u, 3909443124u, 3656063205u, 837475154u, 438095290u, 484603494u,
        308425103u, 268427550u, 4243643405u, 2849988118u, 2948254999u, 2102063419u, 1735616066u, 1539151988u,
        95237878u, 2005032160u, 1433635018u, 116647396u, 881378302u, 2159170082u, 336034862u, 2017579106u,
        944743644u, 1694443528u, 260177668u, 505662155u, 3722741628u, 1511077569u, 1103819072u, 2089123665u,
        2475035432u, 1120017626u, 2842141483u, 4029205195u, 3873078673u, 136118734u, 1699452298u, 1403506686u,
        1805475756u, 2562064338u, 4271866024u, 3071338162u, 459509140u, 771592405u, 185232757u, 4032960199u,
        3512945009u, 308584855u, 4250142168u, 2565680167u, 38924274u, 3770488806u, 3099963860u, 1255084262u,
        2363435042u, 54945052u, 2534883189u, 2432427547u, 2741583197u, 1280920000u, 1281043691u, 1121403845u,
        2127558730u, 713121337u, 2108187161u, 927011680u, 4134691985u, 1958963937u, 2567532373u, 4075249328u,
        4104757832u, 3026358429u, 3573008472u, 3615577014u, 1541946015u, 3087190425u, 857839960u, 2515339233u,
        2809830736u, 460237542u, 1950698961u, 2069753399u, 1106466069u, 356742959u, 3662626864u, 1750561299u,
        992181339u, 3384018814u, 100741310u, 451656820u, 3650357479u, 2390172694u, 2088767754u, 164402616u,
        2751052984u, 1767810825u, 3441135892u, 3323383489u, 2756998822u, 207428029u, 2648427775u, 2360400900u,
        1396468647u, 1377764574u, 1435134775u, 1099809675u, 3374512975u, 3542220540u, 4081637863u, 337070226u,
        644850146u, 1306761320u, 1242645122u, 4109252858u, 3377483696u, 1788337208u, 1658628529u, 2911512007u,
        367022558u, 3071359622u, 4273132307u, 3898950547u, 1858986613u, 2040551642u, 4077477194u, 3565689036u,
        265993036u, 1864569342u, 923017956u, 490608221u, 3833372385u, 3287246572u, 2649450292u, 500120236u,
        2810524030u, 1561519055u, 3224066062u, 2774151984u, 2107011431u, 96459446u, 1235983679u, 4237425634u,
    ];

    // The SipHash-2-4 reference vectors (key 00..0f, message 00..len-1), as little-endian 64-bit words.
    private static readonly ulong[] SipHashReference =
    [
        0x726fdb47dd0e0e31, 0x74f839c593dc67fd, 0x0d6c8009d9a94f5a, 0x85676696d7fb7e2d, 0xcf2794e0277187b7,
        0x18765564cd99a68d, 0xcbc9466e58fee3ce, 0xab0200f58b01d137, 0x93f5f5799a932462, 0x9e0082df0ba9e4b0,
        0x7a5dbbc594ddb9f3, 0xf4b32f46226bada7, 0x751e8fbc860ee5fb, 0x14ea5627c0843d90, 0xf723ca908e7af2ee,
        0xa129ca6149be45e5, 0x3f2acc7f57c29bdb,
    ];

    [Fact]
    public void FarmHash_MatchesFarmHashSelfTestTable()
    {
        var data = FarmHashTestData(1 << 15);
        for (int i = 0; i < FarmHashSelfTest.Length / 2; i++)
        {
            ulong expected = ((ulong)FarmHashSelfTest[2 * i] << 32) | FarmHashSelfTest[2 * i + 1];
            ulong actual = FarmHash.Fingerprint64(data.AsSpan(i * i, i));
            Assert.True(expected == actual, $"case {i} (length {i}): expected {expected:x16}, got {actual:x16}");
        }
    }

    [Fact]
    public void SipHash_MatchesReferenceVectors()
    {
        var message = Enumerable.Range(0, SipHashReference.Length).Select(i => (byte)i).ToArray();
        for (int len = 0; len < SipHashReference.Length; len++)
        {
            Assert.Equal(SipHashReference[len], SipHash.Hash(0x0706050403020100, 0x0f0e0d0c0b0a0908, message.AsSpan(0, len)));
        }
    }

    [Fact]
    public void FarmHash_MatchesIndependentImplementationOnUtf8Strings()
    {
        var mismatches = new List<string>();
        foreach (var v in Vectors()["farmhash"]!.AsArray())
        {
            string text = (string)v!["text"]!;
            ulong expected = ulong.Parse((string)v["fingerprint64"]!);
            ulong actual = FarmHash.Fingerprint64(Encoding.UTF8.GetBytes(text));
            if (expected != actual)
            {
                mismatches.Add($"\"{text}\" (length {Encoding.UTF8.GetByteCount(text)}): expected {expected:x16}, got {actual:x16}");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void SipHash_MatchesIndependentImplementationOnUtf8Strings()
    {
        foreach (var v in Vectors()["siphash"]!.AsArray())
        {
            var key = v!["key"]!.AsArray().Select(k => ulong.Parse((string)k!)).ToArray();
            string text = (string)v["text"]!;
            Assert.True(ulong.Parse((string)v["siphash"]!) == SipHash.Hash(key[0], key[1], Encoding.UTF8.GetBytes(text)),
                $"siphash of \"{text}\" with key [{key[0]}, {key[1]}]");
        }
    }

    [Theory]
    [InlineData(7, false, false)]
    [InlineData(7, true, false)]
    [InlineData(5, false, true)]
    [InlineData(5, true, true)]
    public void Hashing_BinsIntegersAndStringsLikeTensorFlow(int numBins, bool withMask, bool salted)
    {
        var vectors = Vectors();
        // Keras hashes integers through tf.as_string: their decimal text.
        var integers = new long[] { 0, 1, -1, 7, 42, 1000, 1337, long.MinValue, long.MaxValue };
        var saltKey = new[] { "133", "137" };
        ulong HashOf(string text) => salted
            ? ulong.Parse((string)vectors["siphash"]!.AsArray()
                .First(v => (string)v!["text"]! == text && v["key"]!.AsArray().Select(k => (string)k!).SequenceEqual(saltKey))!["siphash"]!)
            : ulong.Parse((string)vectors["farmhash"]!.AsArray().First(v => (string)v!["text"]! == text)!["fingerprint64"]!);
        long Expected(string text, bool masked) => withMask
            ? masked ? 0 : (long)(HashOf(text) % (ulong)(numBins - 1)) + 1
            : (long)(HashOf(text) % (ulong)numBins);

        var layer = new Hashing(numBins, maskValue: withMask ? 42L : null, salt: salted ? [133, 137] : null);
        using var ids = layer.Call(torch.tensor(integers).reshape(3, 3));
        Assert.Equal(integers.Select(i => Expected(i.ToString(System.Globalization.CultureInfo.InvariantCulture), withMask && i == 42)),
            ids.data<long>().ToArray());
        Assert.Equal(new long[] { 3, 3 }, ids.shape);

        var strings = new[] { "hello world", "ξεῖν᾽", "😀 emoji 🎉", "[UNK]" };
        var stringLayer = new Hashing(numBins, maskValue: withMask ? "[UNK]" : null, salt: salted ? [133, 137] : null);
        using var stringIds = stringLayer.Call(strings);
        Assert.Equal(strings.Select(s => Expected(s, withMask && s == "[UNK]")), stringIds.data<long>().ToArray());
    }

    [Fact]
    public void Hashing_TruncatesFloatsToIntegersBeforeHashing()
    {
        var layer = new Hashing(11);
        using var fromFloats = layer.Call(torch.tensor(new float[] { 42.9f, -1.5f, 7f }));
        using var fromInts = layer.Call(torch.tensor(new long[] { 42, -1, 7 }));
        Assert.Equal(fromInts.data<long>().ToArray(), fromFloats.data<long>().ToArray());
    }

    /// <summary>FarmHash's self-test buffer (farmhash.cc <c>Setup</c>); each byte depends only on its position.</summary>
    private static byte[] FarmHashTestData(int size)
    {
        const ulong k0 = 0xc3a5c85c97cb3127UL;
        var data = new byte[size];
        ulong a = 9;
        ulong b = 777;
        unchecked
        {
            for (int i = 0; i < size; i++)
            {
                a += b;
                b += a;
                a = (a ^ (a >> 41)) * k0;
                b = (b ^ (b >> 41)) * k0 + (ulong)i;
                data[i] = (byte)(b >> 37);
            }
        }
        return data;
    }

    private static JsonObject Vectors([CallerFilePath] string here = "") =>
        JsonNode.Parse(File.ReadAllText(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, Fixture))))!.AsObject();
}
