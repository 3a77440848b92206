using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jobbtorg.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FollowUpSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RecordedAt",
                table: "OccupationObservations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "OccupationObservations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "OccupationObservations",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Register");

            migrationBuilder.AddColumn<DateOnly>(
                name: "InformedOn",
                table: "BenefitMonths",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecordedAt",
                table: "BenefitMonths",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "BenefitMonths",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "BenefitMonths",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Register");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "OccupationObservations");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "OccupationObservations");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "OccupationObservations");

            migrationBuilder.DropColumn(
                name: "InformedOn",
                table: "BenefitMonths");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "BenefitMonths");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "BenefitMonths");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "BenefitMonths");
        }
    }
}
