using Jobbtorg.Features.Access;

namespace Jobbtorg.Features.InfoMeetings;

internal static class Signature
{
    /// <summary>The name a booking, an outcome or a meeting is signed with: the person's, or "system" for the rounds and
    /// for clients without a name.</summary>
    public static string Of(CurrentUser user) => user.Name is { Length: > 0 } name ? name : "system";
}
