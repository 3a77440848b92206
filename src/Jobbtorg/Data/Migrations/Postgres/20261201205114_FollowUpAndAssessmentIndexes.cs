using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jobbtorg.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FollowUpAndAssessmentIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_EnrolledByCentre",
                table: "Cases",
                columns: new[] { "JobCentreId", "ParticipantId" },
                filter: "\"EnrolmentDate\" IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_UnansweredBenefitChecks",
                table: "Cases",
                columns: new[] { "JobCentreId", "FollowUpMonth", "ClosureReason" },
                filter: "\"FollowUpReceivesBenefit\" IS NULL AND \"ReceivesBenefit\" AND \"ClosureDate\" IS NOT NULL AND \"EnrolmentDate\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_LatestSigned",
                table: "Assessments",
                columns: new[] { "CaseId", "AssessedOn", "Id" },
                descending: new[] { false, true, true },
                filter: "\"Status\" = 'Signed'")
                .Annotation("Npgsql:IndexInclude", new[] { "Availability", "NeedCategory" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_EnrolledByCentre",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_UnansweredBenefitChecks",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_LatestSigned",
                table: "Assessments");
        }
    }
}
