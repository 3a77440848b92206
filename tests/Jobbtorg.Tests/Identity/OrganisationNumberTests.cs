using System.Text.Json.Serialization;
using Jobbtorg.Identity;

namespace Jobbtorg.Tests.Identity;

public class OrganisationNumberTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    private sealed record Vector(
        [property: JsonPropertyName("short_format")] string ShortFormat,
        [property: JsonPropertyName("separated_format")] string SeparatedFormat,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("comment")] string Comment);

    [Fact]
    public void Every_vector_in_orgnumber_json_is_an_organisation_and_not_a_personal_number()
    {
        // The file's "valid: false" speaks of the numbers as personal identity numbers; its comment says each is a
        // valid organisation number.
        var vectors = TestData.Read<List<Vector>>("personnummer", "orgnumber.json");
        Assert.Equal(6, vectors.Count);
        var failures = new List<string>();

        foreach (var v in vectors)
        {
            foreach (var input in new[] { v.ShortFormat, v.SeparatedFormat, "16" + v.ShortFormat, "16" + v.SeparatedFormat })
            {
                if (!OrganisationNumber.TryParse(input, out var number, out var error))
                    failures.Add($"{input}: {error}");
                else if (number.Value != v.ShortFormat || number.Formatted != v.SeparatedFormat)
                    failures.Add($"{input}: read as {number.Value} / {number.Formatted}");
                if (PersonalNumber.TryParse(input, Today, out _, out _))
                    failures.Add($"{input}: accepted as a personal identity number");
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [InlineData("212000-0142")]
    [InlineData("2120000142")]
    [InlineData("16212000-0142")]
    [InlineData("162120000142")]
    [InlineData(" 212000-0142 ")]
    public void Every_accepted_form_is_stored_as_ten_digits(string input)
    {
        Assert.True(OrganisationNumber.TryParse(input, out var number, out var error), error.ToString());
        Assert.Equal("2120000142", number.Value);
        Assert.Equal("212000-0142", number.Formatted);
        Assert.Equal("2120000142", number.ToString());
    }

    [Theory]
    [InlineData(null, OrganisationNumberError.Missing)]
    [InlineData(" ", OrganisationNumberError.Missing)]
    [InlineData("212000-014", OrganisationNumberError.Format)]
    [InlineData("2120-000142", OrganisationNumberError.Format)]
    [InlineData("212000+0142", OrganisationNumberError.Format)]
    [InlineData("17212000-0142", OrganisationNumberError.Format)]   // only the prefix 16 is known
    [InlineData("21200A-0142", OrganisationNumberError.Format)]
    [InlineData("212000-0143", OrganisationNumberError.Checksum)]
    [InlineData("900101-2385", OrganisationNumberError.NotAnOrganisation)]  // an official test personal number
    [InlineData("9001012385", OrganisationNumberError.NotAnOrganisation)]
    public void Invalid_input_names_the_problem(string? input, OrganisationNumberError expected)
    {
        Assert.False(OrganisationNumber.TryParse(input, out var number, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(default, number);
    }

    [Fact]
    public void Every_error_has_a_message() =>
        Assert.All(Enum.GetValues<OrganisationNumberError>(), e => Assert.False(string.IsNullOrWhiteSpace(OrganisationNumber.Describe(e))));
}
