using Jobbtorg.Identity;

namespace Jobbtorg.Tests.Identity;

// Every number here is one of the Tax Agency's official test numbers (or a deliberately broken copy of one).
// Deliberately broken numbers (bad date, bad check digit) are written in two parts: each is derived
// from an official test number and identifies nobody.
public class PersonalNumberTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static PersonalNumber Valid(string input, DateOnly? today = null)
    {
        Assert.True(PersonalNumber.TryParse(input, today ?? Today, out var number, out var error), $"{input}: {error}");
        return number;
    }

    private static PersonalNumberError Invalid(string? input, DateOnly? today = null)
    {
        Assert.False(PersonalNumber.TryParse(input, today ?? Today, out var number, out var error), $"{input} parsed as {number.Value}");
        Assert.Equal(default, number);
        return error;
    }

    [Theory]
    [InlineData("19900101-2385")]
    [InlineData("199001012385")]
    [InlineData("900101-2385")]
    [InlineData("9001012385")]
    [InlineData("  19900101-2385\t")]
    public void Every_accepted_form_is_stored_as_twelve_digits(string input)
    {
        var number = Valid(input);
        Assert.Equal("199001012385", number.Value);
        Assert.Equal("19900101-2385", number.Formatted);
        Assert.Equal("199001012385", number.ToString());
        Assert.Equal(new DateOnly(1990, 1, 1), number.BirthDate);
        Assert.False(number.IsCoordinationNumber);
    }

    [Fact]
    public void Same_number_in_different_forms_is_equal()
    {
        Assert.Equal(Valid("900101-2385"), Valid("199001012385"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_input_is_missing(string? input) => Assert.Equal(PersonalNumberError.Missing, Invalid(input));

    [Theory]
    [InlineData("19900101")]              // too short
    [InlineData("1990010123850")]         // too long
    [InlineData("19900101-23850")]
    [InlineData("19900101 2385")]         // inner space
    [InlineData("19900101/2385")]         // unknown separator
    [InlineData("1990-01-01-2385")]
    [InlineData("900101--2385")]
    [InlineData("9001O12385")]            // letter O
    [InlineData("１９９００１０１２３８５")] // full-width digits
    [InlineData("+9001012385")]
    [InlineData("20150916-0006")]         // birth number 000 is never issued (list.json agrees)
    public void Wrong_characters_or_length_are_a_format_error(string input) =>
        Assert.Equal(PersonalNumberError.Format, Invalid(input));

    [Theory]
    [InlineData("1990" + "0230-2385")]  // 30 February
    [InlineData("1990" + "1301-2385")]  // month 13
    [InlineData("1990" + "0001-2385")]  // month 00 is only for co-ordination numbers
    [InlineData("1990" + "0100-2385")]  // day 00
    [InlineData("1990" + "0132-2385")]  // day 32 is neither a date nor a co-ordination day
    [InlineData("1990" + "0159-2385")]
    [InlineData("1990" + "0192-2385")]  // co-ordination days end at 91
    [InlineData("19000229-2399")]  // 1900 was not a leap year
    [InlineData("00000101-2385")]  // there is no year 0
    public void A_date_that_does_not_exist_is_a_date_error(string input) =>
        Assert.Equal(PersonalNumberError.Date, Invalid(input));

    [Fact]
    public void Leap_day_is_valid_in_leap_years() =>
        Assert.Equal(new DateOnly(2000, 2, 29), Valid("20000229-2399").BirthDate);

    [Fact]
    public void A_birth_date_after_today_is_a_date_error() =>
        Assert.Equal(PersonalNumberError.Date, Invalid("20231231-2388", today: new DateOnly(2023, 12, 30)));

    [Fact]
    public void A_person_born_today_is_valid() =>
        Assert.Equal(0, Valid("20231231-2388", today: new DateOnly(2023, 12, 31)).AgeOn(new DateOnly(2023, 12, 31)));

    [Theory]
    [InlineData("1990" + "0101-2386")]
    [InlineData("1990" + "01012384")]
    [InlineData("9001" + "01-2835")]   // swapped digits
    public void A_wrong_check_digit_is_a_checksum_error(string input) =>
        Assert.Equal(PersonalNumberError.Checksum, Invalid(input));

    [Fact]
    public void Parse_throws_a_format_exception_that_says_what_is_wrong()
    {
        var ex = Assert.Throws<FormatException>(() => PersonalNumber.Parse("1990" + "0101-2386", Today));
        Assert.Contains("check digit", ex.Message);
        Assert.Equal("199001012385", PersonalNumber.Parse("19900101-2385", Today).Value);
    }

    [Fact]
    public void Every_error_has_a_message() =>
        Assert.All(Enum.GetValues<PersonalNumberError>(), e => Assert.False(string.IsNullOrWhiteSpace(PersonalNumber.Describe(e))));

    [Theory]
    [InlineData("19900101-2385", LegalSex.Female)]
    [InlineData("19900102-2384", LegalSex.Female)]
    [InlineData("19900103-2391", LegalSex.Male)]
    [InlineData("19900262-2398", LegalSex.Male)]
    public void Sex_follows_the_parity_of_the_ninth_digit(string input, LegalSex expected) =>
        Assert.Equal(expected, Valid(input).Sex);

    // Century of the short forms. 1990-01-01 is the birth date of the official test number 199001012385.

    [Fact]
    public void Short_form_with_hyphen_reads_as_someone_under_100() =>
        Assert.Equal("199001012385", Valid("900101-2385", today: new DateOnly(2089, 12, 31)).Value);

    [Fact]
    public void Short_form_without_separator_reads_like_a_hyphen() =>
        Assert.Equal("199001012385", Valid("9001012385", today: new DateOnly(2089, 12, 31)).Value);

    [Fact]
    public void Short_form_with_plus_reads_as_someone_100_or_older()
    {
        Assert.Equal("199001012385", Valid("900101+2385", today: new DateOnly(2095, 6, 1)).Value);
        Assert.Equal("189001012385", Valid("900101+2385", today: new DateOnly(2089, 12, 31)).Value);
    }

    [Fact]
    public void Short_form_on_the_day_before_the_100th_birthday_is_still_under_100()
    {
        var today = new DateOnly(2089, 12, 31);
        var number = Valid("900101-2385", today);
        Assert.Equal(new DateOnly(1990, 1, 1), number.BirthDate);
        Assert.Equal(99, number.AgeOn(today));
    }

    [Fact]
    public void Short_form_on_the_100th_birthday_needs_a_plus()
    {
        var today = new DateOnly(2090, 1, 1);
        var plus = Valid("900101+2385", today);
        Assert.Equal("199001012385", plus.Value);
        Assert.Equal(100, plus.AgeOn(today));
        // With a hyphen the same digits name someone born today.
        var hyphen = Valid("900101-2385", today);
        Assert.Equal("209001012385", hyphen.Value);
        Assert.Equal(0, hyphen.AgeOn(today));
    }

    [Fact]
    public void Short_form_born_later_this_year_belongs_to_the_previous_century()
    {
        var today = new DateOnly(1990, 1, 1);
        Assert.Equal("199001012385", Valid("900101-2385", today).Value);
        Assert.Equal("189001022384", Valid("900102-2384", today).Value);
    }

    // The test number 192506037171 written short; read in the other century its digits would name a child born in 2025,
    // so the answer is checked by its century (no 2025 number is written out here).
    [Theory]
    [InlineData("250603-7171", "2024-01-10", "19")] // on a 2024 line: 98 years old, not unborn
    [InlineData("2506037171", "2024-01-10", "19")]
    [InlineData("250603-7171", "2025-06-03", "20")] // on the 100th birthday a hyphen names a newborn
    [InlineData("250603+7171", "2025-06-03", "19")]
    [InlineData("250603-7171", null, "20")]         // no line date: read as written today
    [InlineData("250603-7171", "2031-01-01", "20")] // a line after today (refused for its date) is read as today
    [InlineData("19250603-7171", "2024-01-10", "19")] // the century written out is never judged
    public void Short_form_is_read_as_written_on_the_date_of_its_line(string input, string? dated, string century)
    {
        var today = new DateOnly(2026, 3, 10);
        DateOnly? on = dated is null ? null : DateOnly.Parse(dated, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(PersonalNumber.TryParse(input, today, on, out var number, out var error), error.ToString());
        Assert.Equal(century + "2506037171", number.Value);
        // Without a date the short form is read as written today.
        Assert.Equal("20", Valid("250603-7171", today).Value[..2]);
    }

    [Fact]
    public void Short_form_leap_day_is_judged_in_the_chosen_century()
    {
        Assert.Equal("200002292399", Valid("000229-2399", today: new DateOnly(2025, 1, 1)).Value);
        // On 1 March 2100 the person born 29 February 2000 has turned 100 (no 29 February in 2100), so a hyphen
        // would mean 29 February 2100, which does not exist.
        Assert.Equal(PersonalNumberError.Date, Invalid("000229-2399", today: new DateOnly(2100, 3, 1)));
        Assert.Equal("200002292399", Valid("000229+2399", today: new DateOnly(2100, 3, 1)).Value);
    }

    [Fact]
    public void Long_form_with_plus_keeps_its_written_century()
    {
        // list.json expects "19090527+1474" to be valid: the century is written out, so the "+" adds nothing.
        Assert.Equal("190905271474", Valid("19090527+1474").Value);
        Assert.Equal("199001012385", Valid("19900101+2385").Value);
    }

    [Fact]
    public void Age_counts_whole_years()
    {
        var number = Valid("19900102-2384");
        Assert.Equal(34, number.AgeOn(new DateOnly(2025, 1, 1)));
        Assert.Equal(35, number.AgeOn(new DateOnly(2025, 1, 2)));
        Assert.Equal(0, number.AgeOn(new DateOnly(1990, 1, 2)));
    }

    [Fact]
    public void Someone_born_on_leap_day_turns_a_year_older_on_the_first_of_march_in_common_years()
    {
        var number = Valid("20000229-2399");
        Assert.Equal(24, number.AgeOn(new DateOnly(2025, 2, 28)));
        Assert.Equal(25, number.AgeOn(new DateOnly(2025, 3, 1)));
        Assert.Equal(24, number.AgeOn(new DateOnly(2024, 2, 29)));
    }

    [Fact]
    public void Coordination_number_carries_the_day_plus_60()
    {
        var number = Valid("199003912384");
        Assert.True(number.IsCoordinationNumber);
        Assert.Equal(new DateOnly(1990, 3, 31), number.BirthDate);
        Assert.Equal("19900391-2384", number.Formatted);
        Assert.Equal(LegalSex.Female, number.Sex);
        Assert.Equal(35, number.AgeOn(Today));
        Assert.Equal("199003912384", Valid("900391-2384").Value);
    }

    [Theory]
    [InlineData("191500722390")]  // month 00
    [InlineData("192601602390")]  // day 60
    [InlineData("198000602394")]  // both
    public void Coordination_number_with_unknown_birth_date_is_valid_with_unknown_age(string input)
    {
        var number = Valid(input);
        Assert.True(number.IsCoordinationNumber);
        Assert.Null(number.BirthDate);
        Assert.Null(number.AgeOn(Today));
    }

    [Fact]
    public void Official_test_coordination_number_past_the_end_of_the_month_is_valid_with_unknown_age()
    {
        // 201402912388 would be 31 February 2014. The Tax Agency publishes it among its official test
        // co-ordination numbers, so systems we talk to may send it: accept it, birth date unknown.
        var number = Valid("201402912388");
        Assert.True(number.IsCoordinationNumber);
        Assert.Null(number.BirthDate);
        Assert.Null(number.AgeOn(Today));
    }

    [Fact]
    public void Coordination_number_with_a_wrong_check_digit_is_a_checksum_error() =>
        Assert.Equal(PersonalNumberError.Checksum, Invalid("1990" + "03912385"));
}
