using System.Text.Json.Nodes;
using Keras.Optimizers.Schedules;
using Keras.Saving;

namespace Keras.Tests.Optimizers.Schedules;

/// <summary>Each schedule, built from its Keras config through the registry, against Keras' formulas evaluated in
/// float32 by Tests/Golden/Schedules/schedule_values.py.</summary>
public sealed class ScheduleGoldenTests
{
    private const string Fixture = "../../Golden/Schedules/schedule_values.json";

    public static TheoryData<string> Cases => GoldenFixtures.CaseNames(Fixture);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Call_MatchesKerasFormula_AtEveryStep(string name)
    {
        var golden = GoldenFixtures.Case(Fixture, name);
        var envelope = golden["schedule"]!.AsObject();
        var schedule = KerasSerialization.Deserialize<LearningRateSchedule>(envelope.DeepClone());
        Assert.Equal((string)envelope["class_name"]!, schedule.GetType().Name);

        var steps = golden["steps"]!.AsArray().Select(s => (long)s!).ToArray();
        var expected = golden["values"]!.AsArray().Select(v => (double)v!).ToArray();
        for (int i = 0; i < steps.Length; i++)
        {
            double actual = schedule.Call(steps[i]);
            // float32 arithmetic: cos/pow/log differ between libraries by an ulp or so, which the cosine's flat end
            // amplifies (Keras' torch backend and numpy differ by up to 5e-7 relative on these cases).
            double tolerance = 1e-6 * Math.Abs(expected[i]) + 1e-9;
            Assert.True(Math.Abs(actual - expected[i]) <= tolerance,
                $"{name} at step {steps[i]}: expected {expected[i]:R}, got {actual:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GetConfig_WritesBackEveryKeyOfTheKerasConfig(string name)
    {
        var envelope = GoldenFixtures.Case(Fixture, name)["schedule"]!.AsObject();
        var schedule = KerasSerialization.Deserialize<LearningRateSchedule>(envelope.DeepClone());
        var written = KerasSerialization.SerializeConfig(schedule.GetConfig());
        foreach (var (key, value) in envelope["config"]!.AsObject())
        {
            Assert.True(JsonNode.DeepEquals(value, written[key]),
                $"{name}: \"{key}\" was {value?.ToJsonString()}, written {written[key]?.ToJsonString()}");
        }
        Assert.NotNull(written["name"]);
    }
}
