using Jobbtorg.Features.Reminders;

namespace Jobbtorg.Tests.Reminders;

public sealed class ReminderRulesTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void On_a_Friday_the_weekend_and_the_Monday_are_reminded_of() =>
        Assert.Equal((D(3, 14), D(3, 16)), ReminderRound.RemindedDays(D(3, 13)));

    [Fact]
    public void On_an_ordinary_weekday_only_the_next_day_is_reminded_of() =>
        Assert.Equal((D(3, 11), D(3, 11)), ReminderRound.RemindedDays(D(3, 10)));

    [Fact]
    public void Before_Easter_the_Thursday_reminds_of_everything_up_to_the_Tuesday_after_Easter_Monday() =>
        // Good Friday 3 April and Easter Monday 6 April 2026 are holidays.
        Assert.Equal((D(4, 3), D(4, 7)), ReminderRound.RemindedDays(D(4, 2)));

    [Theory]
    [InlineData(3, 14)] // Saturday
    [InlineData(4, 6)] // Easter Monday
    [InlineData(6, 19)] // Midsummer Eve
    public void No_round_runs_on_a_day_that_is_not_a_working_day(int month, int day) =>
        Assert.Null(ReminderRound.RemindedDays(D(month, day)));

    [Theory]
    [InlineData("070-174 06 05", "+46701740605")]
    [InlineData("0701740605", "+46701740605")]
    [InlineData("+46 70 174 06 05", "+46701740605")]
    [InlineData("0046701740605", "+46701740605")]
    [InlineData("073-123 45 67", "+46731234567")]
    public void Swedish_mobile_numbers_are_stored_in_international_form(string input, string stored) =>
        Assert.Equal(stored, ReminderConsent.NormaliseMobile(input));

    [Theory]
    [InlineData("08-508 000 00")] // a landline
    [InlineData("071-123 45 67")] // machine-to-machine
    [InlineData("070-174 06 0")] // a digit short
    [InlineData("+4570174060")] // not Swedish
    [InlineData("abc")]
    public void Other_numbers_are_refused_on_the_phone_field(string input)
    {
        Assert.Null(ReminderConsent.NormaliseMobile(input));
        var rule = Assert.Single(ReminderConsent.Check(true, input, false, null));
        Assert.Equal("Phone", rule.Field);
    }

    [Theory]
    [InlineData("namn@example")]
    [InlineData("namn example.com")]
    [InlineData("@example.com")]
    [InlineData("namn@@example.com")]
    public void A_malformed_email_address_is_refused_on_the_email_field(string input) =>
        Assert.Equal("Email", Assert.Single(ReminderConsent.Check(false, null, true, input)).Field);

    [Fact]
    public void Too_long_values_and_missing_values_are_named_on_their_fields()
    {
        var broken = ReminderConsent.Check(true, "", true, new string('a', 250) + "@example.com");
        Assert.Equal(["Phone", "Email"], broken.Select(b => b.Field));
        Assert.Contains("at most", broken[1].Template);
        Assert.Empty(ReminderConsent.Check(false, null, false, null));
    }

    [Fact]
    public void The_texts_name_the_place_and_the_time_and_nothing_sensitive()
    {
        var at = new DateTimeOffset(2026, 3, 3, 8, 30, 0, TimeSpan.Zero);
        var meeting = new Appointment(AppointmentKind.InfoMeeting, 1, 1, at, "Jobbtorg Farsta", "Storforsplan 36, Farsta");
        var (subject, body) = ReminderTexts.Reminder(meeting);
        Assert.Equal("Påminnelse: Du har en tid på Jobbtorg Farsta tisdag 3 mars kl. 09:30, Storforsplan 36, Farsta. Välkommen!", body);
        var moved = ReminderTexts.Moved(meeting, meeting with { BookingId = 2, StartsAt = at.AddDays(2) });
        var cancelled = ReminderTexts.Cancelled(meeting);
        var threeParty = ReminderTexts.Reminder(meeting with { Kind = AppointmentKind.ThreePartyMeeting, Address = null });
        Assert.Contains("torsdag 5 mars kl. 09:30", moved.Body);
        Assert.Contains("avbokad", cancelled.Body);
        foreach (var text in new[] { subject, body, moved.Subject, moved.Body, cancelled.Subject, cancelled.Body, threeParty.Subject, threeParty.Body })
        {
            Assert.False(ReminderTexts.HasSensitiveWords(text), text);
            ReminderKit.AssertNothingSensitive(text, 1, "no-case-ref");
        }
        Assert.True(ReminderTexts.HasSensitiveWords("Om ditt försörjningsstöd"));
    }
}
