using Jobbtorg.Data;
using Jobbtorg.Features.Staff;
using Jobbtorg.Tests.Http;

namespace Jobbtorg.Tests.Staff;

public class PasswordRulesTests
{
    private static readonly CommonPasswords Common = new();

    private static IReadOnlyList<PasswordProblem> Check(string password, string email = "anna.lindqvist@stad.se", string name = "Anna Lindqvist") =>
        PasswordRules.Check(password, email, name, Common.Contains);

    [Fact]
    public void A_long_uncommon_password_with_no_digits_capitals_or_symbols_is_accepted()
    {
        Assert.Empty(Check("korven tog tåget till umeå"));
        Assert.Empty(Check("blåbärssoppa och sillmacka"));
    }

    [Theory]
    [InlineData("kort-losen1")]  // 11
    [InlineData("")]
    public void A_password_shorter_than_twelve_characters_is_refused(string password) =>
        Assert.Contains(PasswordProblem.TooShort, Check(password));

    [Fact]
    public void Twelve_characters_are_enough_and_characters_are_counted_as_people_count_them()
    {
        Assert.Empty(Check("tolv tecken!"));
        // Twelve emoji are twelve characters, though 24 UTF-16 units.
        Assert.Empty(Check(string.Concat(Enumerable.Repeat("🦊", 6)) + string.Concat(Enumerable.Repeat("🌲", 6))));
        Assert.Contains(PasswordProblem.TooShort, Check(string.Concat(Enumerable.Repeat("🦊", 11))));
    }

    [Fact]
    public void A_password_longer_than_128_characters_is_refused_and_128_are_accepted()
    {
        Assert.DoesNotContain(PasswordProblem.TooLong, Check(new string('x', 120) + "ab cd ef"));
        Assert.Contains(PasswordProblem.TooLong, Check(new string('x', 121) + "ab cd ef"));
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("qwertyuiopasdfghjkl")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("ｐａｓｓｗｏｒｄ１２３４")] // full-width forms fold to the same word
    public void A_common_password_is_refused_whatever_its_case(string password) =>
        Assert.Contains(PasswordProblem.Common, Check(password));

    [Theory]
    [InlineData("anna.lindqvist@stad.se!!")]
    [InlineData("ANNA.LINDQVIST-hemligt")]
    [InlineData("mitt lindqvist-lösen")]
    public void A_password_with_the_accounts_e_mail_address_or_a_part_of_it_is_refused(string password) =>
        Assert.Contains(PasswordProblem.ContainsEmail, Check(password, name: "Någon Annan"));

    [Theory]
    [InlineData("AnnaLindqvist2026")]
    [InlineData("hemligt-lindqvist!")]
    public void A_password_with_the_accounts_name_is_refused(string password) =>
        Assert.Contains(PasswordProblem.ContainsName, Check(password, email: "al@stad.se"));

    [Fact]
    public void Short_parts_of_a_name_are_not_looked_for_so_that_eva_or_ali_do_not_refuse_good_passwords()
    {
        Assert.Empty(Check("valid and evasive words", email: "ali@stad.se", name: "Eva Ali"));
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var problems = Check("lindqvist");
        Assert.Contains(PasswordProblem.TooShort, problems);
        Assert.Contains(PasswordProblem.ContainsEmail, problems);
        Assert.Contains(PasswordProblem.ContainsName, problems);
    }

    [Fact]
    public void The_shipped_list_holds_the_common_passwords_of_twelve_characters_or_more()
    {
        Assert.InRange(Common.Count, 40_000, 50_000);
        Assert.True(Common.Contains("123456789012"));
        Assert.False(Common.Contains("korven tog tåget till umeå"));
    }

    [Fact]
    public void The_demo_password_and_the_tests_password_satisfy_the_rules()
    {
        foreach (var (email, name, _, _, _) in DemoData.Users)
            Assert.Empty(Check(DemoData.Password, email, name));
        foreach (var (email, name, _) in DemoData.ProviderUsers)
            Assert.Empty(Check(DemoData.Password, email, name));
        Assert.Empty(Check(JobbtorgAppFactory.Password, "coach-0123456789abcdef@test.jobbtorg.se", "Coach coach-012345"));
    }

    [Fact]
    public void One_time_passwords_are_random_strong_and_pass_the_rules()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => OneTimePassword.New()).ToList();
        Assert.Equal(200, passwords.Distinct().Count());
        Assert.All(passwords, p =>
        {
            Assert.Matches("^[2-9a-z]{4}-[2-9a-z]{4}-[2-9a-z]{4}-[2-9a-z]{4}$", p);
            Assert.DoesNotMatch("[01ilo]", p);
            Assert.Empty(Check(p));
        });
    }
}
