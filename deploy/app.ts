/**
 * The Deskbridge IT kit as a CDK app. Synthesizing needs no AWS account: `npm run kit:synth`
 * writes deploy/templates/*.template.json, which IT may also deploy from the CloudFormation console.
 */
import { App, DefaultStackSynthesizer, type Stack } from 'aws-cdk-lib';
import { DeskbridgeBrokerStack } from './stacks/broker-stack';
import { DeskbridgeIdentityCenterStack } from './stacks/identity-center-stack';
import { DeskbridgeOidcStack } from './stacks/oidc-stack';
import { DeskbridgeSamlStack } from './stacks/saml-stack';

export const STACK_NAMES = ['DeskbridgeOidc', 'DeskbridgeIdentityCenter', 'DeskbridgeSaml', 'DeskbridgeBroker'] as const;
export type KitStackName = (typeof STACK_NAMES)[number];

/** The kit's stacks, environment-agnostic (account and Region come from where they are deployed). */
export function buildKit(outdir?: string): { app: App; stacks: Readonly<Record<KitStackName, Stack>> } {
  const app = new App({ ...(outdir === undefined ? {} : { outdir }), analyticsReporting: false });
  // No bootstrap stack: the templates have no assets and must deploy from the console as they are.
  const props = { synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }), analyticsReporting: false };
  const stacks = {
    DeskbridgeOidc: new DeskbridgeOidcStack(app, 'DeskbridgeOidc', props),
    DeskbridgeIdentityCenter: new DeskbridgeIdentityCenterStack(app, 'DeskbridgeIdentityCenter', props),
    DeskbridgeSaml: new DeskbridgeSamlStack(app, 'DeskbridgeSaml', props),
    DeskbridgeBroker: new DeskbridgeBrokerStack(app, 'DeskbridgeBroker', props),
  };
  return { app, stacks };
}
