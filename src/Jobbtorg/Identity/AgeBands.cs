namespace Jobbtorg.Identity;

/// <summary>
/// The youth band, 16–24 in completed years, in one place: it picks the reporting group at enrolment, the serving
/// job centre of a referral, the kind of info meeting, and whom the youth target group is for. An unknown age
/// (a co-ordination number without a real birth date) is never youth.
/// </summary>
public static class AgeBands
{
    public const int YouthFrom = 16;
    public const int YouthTo = 24;

    public static bool IsYouth(int? age) => age is >= YouthFrom and <= YouthTo;
}
