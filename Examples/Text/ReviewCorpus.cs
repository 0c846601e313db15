namespace Keras.Examples.Text;

/// <summary>A generated corpus of short reviews labelled positive (1) or negative (0). Word order matters: negations
/// ("was not great", "would not call it awful") flip the sentiment of the adjective they precede, so a bag of words
/// is not enough and a recurrent or attention model has something to learn.</summary>
internal static class ReviewCorpus
{
    private static readonly string[] Nouns =
    [
        "food", "service", "movie", "plot", "staff", "soup", "pasta", "music", "room", "view", "acting", "ending",
        "coffee", "hotel", "book", "concert",
    ];

    private static readonly string[] Positive =
    [
        "great", "excellent", "wonderful", "delightful", "superb", "tasty", "friendly", "charming", "fantastic",
        "lovely", "brilliant", "pleasant",
    ];

    private static readonly string[] Negative =
    [
        "awful", "terrible", "bland", "rude", "boring", "dreadful", "mediocre", "disappointing", "cold", "slow",
        "dull", "noisy",
    ];

    private static readonly string[] Intensifiers = ["very", "really", "truly", "quite", "incredibly"];

    /// <summary>Generates <paramref name="count"/> reviews, about half of them positive.</summary>
    /// <param name="count">How many reviews.</param>
    /// <param name="seed">The generator seed (the same seed gives the same corpus).</param>
    /// <returns>The texts and their labels.</returns>
    internal static (string[] Texts, float[] Labels) Generate(int count, int seed)
    {
        var random = new Random(seed);
        var texts = new string[count];
        var labels = new float[count];
        for (int i = 0; i < count; i++)
        {
            bool positive = random.Next(2) == 1;
            bool negated = random.Next(3) == 0;
            // A negated adjective of the opposite polarity carries the label.
            string adjective = Pick(random, positive ^ negated ? Positive : Negative);
            string noun = Pick(random, Nouns);
            string intensifier = random.Next(3) == 0 ? Pick(random, Intensifiers) + " " : "";
            string clause = negated
                ? random.Next(3) switch
                {
                    0 => $"the {noun} was not {intensifier}{adjective}",
                    1 => $"I would not call the {noun} {adjective}",
                    _ => $"nobody could say the {noun} was {adjective}",
                }
                : random.Next(3) switch
                {
                    0 => $"the {noun} was {intensifier}{adjective}",
                    1 => $"what a {intensifier}{adjective} {noun}",
                    _ => $"I found the {noun} {adjective}",
                };
            string filler = random.Next(2) == 0 ? "" : Pick(random, ["Honestly, ", "Well... ", "Overall: ", "So, "]);
            string ending = Pick(random, [".", "!", "", " :)", "?!"]);
            texts[i] = filler + clause + ending;
            labels[i] = positive ? 1f : 0f;
        }
        return (texts, labels);
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];
}
